namespace JiuTracker.Web.Import;

public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>A document file larger than this is refused unread; the seed document saved as text is about 60 kB.</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;
}
