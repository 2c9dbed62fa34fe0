using System.Globalization;
using System.Security.Cryptography;

namespace JiuTracker.Web.Domain;

/// <summary>
/// An update workbook someone uploaded: kept as it came, so that confirming its preview applies exactly the file that
/// was previewed (on whichever instance), and afterwards as the record of what was applied. Applied at most once.
/// </summary>
public class WorkbookUpload
{
    public const int MaxFileNameLength = 255;

    private WorkbookUpload()
    {
    }

    public WorkbookUpload(string fileName, byte[] content, ChangeStamp stamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName.Trim());
        FileName = name.Length <= MaxFileNameLength ? name : name[..MaxFileNameLength];
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        UploadedBy = stamp.By;
        UploadedAt = stamp.At;
    }

    public int Id { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The SHA-256 of <see cref="Content"/>, 64 lower-case hexadecimal digits.</summary>
    public string Sha256 { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public DateTimeOffset? AppliedAt { get; private set; }

    public string? AppliedBy { get; private set; }

    /// <summary>How many recommendations the upload changed when it was applied.</summary>
    public int? ChangedCount { get; private set; }

    /// <summary>Grows when the upload is applied: two confirmations racing each other apply it once.</summary>
    public int Version { get; private set; }

    public bool IsApplied => AppliedAt is not null;

    /// <summary>The source every history entry of the upload carries: the file and its SHA-256.</summary>
    public string Source
    {
        get
        {
            var source = $"workbook upload {UploadId}: {FileName} (SHA-256 {Sha256})";
            return source.Length <= ChangeStamp.MaxSourceLength ? source : source[..ChangeStamp.MaxSourceLength];
        }
    }

    private string UploadId => Id.ToString(CultureInfo.InvariantCulture);

    public void MarkApplied(int changed, ChangeStamp stamp)
    {
        if (IsApplied)
        {
            throw new DomainRuleException($"The workbook {FileName} was already applied on {AppliedAt:yyyy-MM-dd HH:mm} UTC by {AppliedBy}; it is applied once.");
        }

        AppliedAt = stamp.At;
        AppliedBy = stamp.By;
        ChangedCount = changed;
        Version++;
    }
}
