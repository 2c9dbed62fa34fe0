namespace JiuTracker.Web.Domain;

/// <summary>
/// A file supporting a recommendation's status (the policy adopted, the decision, the circular), with a description
/// and the date it takes effect. Never changed and never deleted: a wrong file is withdrawn
/// (<see cref="EvidenceWithdrawal"/>) and stays listed for auditors. Attached and withdrawn only through
/// <see cref="Recommendation"/>, which records both in its history.
/// </summary>
public class EvidenceFile
{
    public const int MaxDescriptionLength = 500;
    public const int MaxFileNameLength = 255;
    public const int MaxReasonLength = 2_000;

    private EvidenceFile()
    {
    }

    internal EvidenceFile(Recommendation recommendation, CheckedFile file, string description, DateOnly effectiveOn, ChangeStamp stamp)
    {
        Recommendation = recommendation;
        FileName = file.FileName;
        ContentType = file.ContentType;
        Kind = file.Kind;
        Size = file.Bytes.LongLength;
        Sha256 = file.Sha256;
        Content = new EvidenceContent(file.Bytes);
        Description = description;
        EffectiveOn = effectiveOn;
        UploadedBy = stamp.By;
        UploadedAt = stamp.At;
    }

    public int Id { get; private set; }

    public int RecommendationId { get; private set; }

    public Recommendation Recommendation { get; private set; } = null!;

    /// <summary>The name the file was uploaded with (its last path segment); never used to decide its type.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The media type decided from the content (for example <c>application/pdf</c>).</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>What the content is, in words ("PDF document", "Word document (.docx)").</summary>
    public string Kind { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>64 lower-case hexadecimal digits.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The bytes, in a row of their own so that listing the evidence never reads them.</summary>
    public EvidenceContent Content { get; private set; } = null!;

    public string Description { get; private set; } = "";

    /// <summary>When what the file records takes effect; may be before the upload, never after it.</summary>
    public DateOnly EffectiveOn { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public EvidenceWithdrawal? Withdrawal { get; private set; }

    public bool IsWithdrawn => Withdrawal is not null;

    /// <summary>How the history names the file: its name and the start of its SHA-256.</summary>
    public string HistoryName => $"{FileName} (SHA-256 {Sha256[..12]}…)";

    internal void Withdraw(string reason, ChangeStamp stamp) => Withdrawal = new EvidenceWithdrawal(this, reason, stamp);
}

/// <summary>The bytes of an <see cref="EvidenceFile"/>, as uploaded.</summary>
public class EvidenceContent
{
    private EvidenceContent()
    {
    }

    internal EvidenceContent(byte[] bytes) => Bytes = bytes;

    public int EvidenceFileId { get; private set; }

    public byte[] Bytes { get; private set; } = [];
}

/// <summary>Why and by whom a file was withdrawn: a row of its own, so the file's row is never changed.</summary>
public class EvidenceWithdrawal
{
    private EvidenceWithdrawal()
    {
    }

    internal EvidenceWithdrawal(EvidenceFile evidence, string reason, ChangeStamp stamp)
    {
        Evidence = evidence;
        Reason = reason;
        WithdrawnBy = stamp.By;
        WithdrawnAt = stamp.At;
    }

    public int Id { get; private set; }

    public int EvidenceFileId { get; private set; }

    public EvidenceFile Evidence { get; private set; } = null!;

    public string Reason { get; private set; } = "";

    public string WithdrawnBy { get; private set; } = "";

    public DateTimeOffset WithdrawnAt { get; private set; }
}

/// <summary>
/// An uploaded file whose type was decided from its content (see <c>Evidence.EvidenceTypes</c>): the only way to
/// attach evidence.
/// </summary>
public sealed record CheckedFile(string FileName, string ContentType, string Kind, byte[] Bytes, string Sha256);
