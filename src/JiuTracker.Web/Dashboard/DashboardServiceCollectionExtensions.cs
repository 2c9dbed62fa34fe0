using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DashboardOptions>(configuration.GetSection(DashboardOptions.Section));
        services.AddScoped(provider =>
        {
            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            var months = provider.GetRequiredService<IOptions<DashboardOptions>>().Value.StaleAfterMonths;
            return new FigureDefinitions(DateOnly.FromDateTime(now.UtcDateTime), now.AddMonths(-months), months);
        });
        services.AddScoped<FilteredRecommendations>();
        services.AddScoped<DashboardData>();
        services.AddScoped<FiguresHeading>();
        return services;
    }
}
