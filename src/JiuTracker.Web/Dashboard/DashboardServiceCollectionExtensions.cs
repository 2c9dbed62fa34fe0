using Microsoft.AspNetCore.Mvc.TagHelpers;
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
        services.AddSingleton<FiguresCache>();
        services.AddSingleton<LatestDataVersion>();
        services.AddScoped<KeptReads>();
        // Rendered parts of pages (a few hundred kilobytes for the dashboard's breakdowns) are kept by the cache tag helper.
        services.Configure<CacheTagHelperOptions>(options => options.SizeLimit = 32 * 1024 * 1024);
        return services;
    }
}
