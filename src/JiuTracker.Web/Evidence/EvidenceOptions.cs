namespace JiuTracker.Web.Evidence;

public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The largest <see cref="MaxFileBytes"/> allowed: the evidence page's request limit is sized for it.</summary>
    public const int LargestFileBytes = 32 * 1024 * 1024;

    /// <summary>The evidence page's request limit: a file over the largest limit still reaches the page and is refused in words.</summary>
    public const int LargestUploadRequestBytes = 2 * LargestFileBytes;

    /// <summary>A file larger than this is refused unread; 20 MB by default.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>The evidence file limit (<see cref="EvidenceOptions"/>), checked when the app starts.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>()
            .Bind(configuration.GetSection(EvidenceOptions.Section))
            .Validate(options => options.MaxFileBytes is > 0 and <= EvidenceOptions.LargestFileBytes,
                $"Evidence:MaxFileBytes must be between 1 and {EvidenceOptions.LargestFileBytes} (32 MB).")
            .ValidateOnStart();
        return services;
    }
}
