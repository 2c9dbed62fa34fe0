using System.Security.Cryptography;

namespace JiuTracker.Web.Domain;

/// <summary>
/// A file a round froze when it closed — the "Action required" Word document or the workbook, as of that moment —
/// kept byte for byte with its SHA-256, so what was submitted can be downloaded again unchanged, whatever changed since.
/// </summary>
public class RoundDocument
{
    private RoundDocument()
    {
    }

    public RoundDocument(int roundId, string fileName, string contentType, byte[] content, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentNullException.ThrowIfNull(content);
        RoundId = roundId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public long Size { get; private set; }

    /// <summary>64 lower-case hexadecimal digits.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
