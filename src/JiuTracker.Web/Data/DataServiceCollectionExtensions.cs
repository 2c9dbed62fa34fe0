using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JiuTracker.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database: <c>Database:Provider</c> with the connection string "JiuTracker", else a SQLite file in the app's data folder.</summary>
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        // Resolved when first needed, so settings given to the host by any source (tests included) are seen.
        services.AddSingleton(provider => DatabaseConnection.From(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        // Interceptors registered as services (singletons, e.g. a command counter in tests) join every context; the
        // options are built once.
        services.AddSingleton(provider => new SharedContextOptions(
            provider.GetRequiredService<DatabaseConnection>().Options(provider.GetServices<IInterceptor>())));
        services.AddScoped(provider => DatabaseConnection.CreateContext(provider.GetRequiredService<SharedContextOptions>().Options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor, RegistrationTimeInterceptor>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}

/// <summary>The one set of context options the app's contexts share.</summary>
public sealed record SharedContextOptions(DbContextOptions Options);
