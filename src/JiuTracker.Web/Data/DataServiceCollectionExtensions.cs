using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JiuTracker.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "JiuTracker";

    /// <summary>The database: the connection string "JiuTracker", else a SQLite file in the app's data folder.</summary>
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        // Resolved when first needed, so settings given to the host by any source (tests included) are seen.
        services.AddSingleton(provider => DatabaseConnection.From(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        // Interceptors registered as services (e.g. a command counter in tests) join every context.
        services.AddDbContext<JiuDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<DatabaseConnection>().ConnectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor, RegistrationTimeInterceptor>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}

/// <summary>The connection string in effect, with a relative SQLite file made relative to the content root.</summary>
public sealed record DatabaseConnection(string ConnectionString)
{
    public const string Default = "Data Source=App_Data/jiutracker.db";

    public static DatabaseConnection From(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? Default);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return new DatabaseConnection(builder.ToString());
    }
}
