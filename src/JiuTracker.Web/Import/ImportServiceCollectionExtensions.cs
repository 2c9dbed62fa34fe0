namespace JiuTracker.Web.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The importer and its file limit (<see cref="ImportOptions"/>), checked when the app starts.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LegacyDocumentImporter>();
        services.AddOptions<ImportOptions>()
            .Bind(configuration.GetSection(ImportOptions.Section))
            .Validate(options => options.MaxFileBytes is > 0 and <= ImportOptions.LargestFileBytes,
                $"Import:MaxFileBytes must be between 1 and {ImportOptions.LargestFileBytes} (16 MB).")
            .ValidateOnStart();
        return services;
    }
}
