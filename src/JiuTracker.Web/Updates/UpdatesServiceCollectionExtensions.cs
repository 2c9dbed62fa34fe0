namespace JiuTracker.Web.Updates;

public static class UpdatesServiceCollectionExtensions
{
    public static IServiceCollection AddUpdates(this IServiceCollection services)
    {
        services.AddScoped<UpdateWorkbookSource>();
        services.AddScoped<WorkbookUpdates>();
        services.AddScoped<RecommendationSave>();
        return services;
    }
}
