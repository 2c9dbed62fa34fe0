using Microsoft.AspNetCore.Mvc.TagHelpers;

namespace JiuTracker.Web.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>What pages read, kept until the data version changes (decisions 018 and 019).</summary>
    public static IServiceCollection AddReadCache(this IServiceCollection services)
    {
        services.AddSingleton<ReadCache>();
        services.AddSingleton<LatestDataVersion>();
        services.AddScoped<KeptReads>();
        // Rendered parts of pages (a few hundred kilobytes for the dashboard's breakdowns) are kept by the cache tag helper.
        services.Configure<CacheTagHelperOptions>(options => options.SizeLimit = 32 * 1024 * 1024);
        return services;
    }
}
