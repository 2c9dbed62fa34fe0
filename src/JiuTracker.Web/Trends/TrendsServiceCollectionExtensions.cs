namespace JiuTracker.Web.Trends;

public static class TrendsServiceCollectionExtensions
{
    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddScoped<StatusTrend>();
        services.AddScoped<Cohorts>();
        services.AddScoped<TrendsData>();
        return services;
    }
}
