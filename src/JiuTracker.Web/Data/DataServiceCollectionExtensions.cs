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
        // Interceptors registered as services (e.g. a command counter in tests) join every context.
        services.AddScoped(provider => provider.GetRequiredService<DatabaseConnection>().CreateContext(provider.GetServices<IInterceptor>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor, RegistrationTimeInterceptor>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
