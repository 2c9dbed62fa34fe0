namespace JiuTracker.Web.Import;

public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest <see cref="MaxFileBytes"/> allowed: the upload page's request limits are sized for it.</summary>
    public const int LargestFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The upload page's request limit: a file a few times over the largest limit still reaches the page and is refused in
    /// words, and the preview's text, sent back URL-encoded, fits.
    /// </summary>
    public const int LargestUploadRequestBytes = 4 * LargestFileBytes;

    /// <summary>A document file larger than this is refused unread; the seed document saved as text is 15 kB.</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;
}
