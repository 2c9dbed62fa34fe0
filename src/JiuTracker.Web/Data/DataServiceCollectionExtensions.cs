using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "JiuTracker";

    /// <summary>The database: the connection string "JiuTracker", else a SQLite file in the app's data folder.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = SqliteConnectionString(configuration.GetConnectionString(ConnectionStringName), environment.ContentRootPath);
        services.AddDbContext<JiuDbContext>(options => options.UseSqlite(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>Makes a relative data source relative to the content root and makes sure its folder exists.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/jiutracker.db");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
