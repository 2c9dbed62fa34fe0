using System.IO.Compression;
using System.Text;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Evidence;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.TestSupport;

/// <summary>Files of each kind, made in code, and evidence attached the way the app attaches it.</summary>
public static class EvidenceFiles
{
    public const string SampleDescription = "Sample evidence: the policy adopted";

    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A Windows program's first bytes.</summary>
    public static byte[] Executable { get; } = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];

    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A zip package whose [Content_Types].xml names <paramref name="mainPart"/> with <paramref name="contentType"/>.</summary>
    public static byte[] Ooxml(string mainPart, string contentType, bool includeMainPart = true)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                $"<Override PartName=\"/{mainPart}\" ContentType=\"{contentType}\"/></Types>");
            if (includeMainPart)
            {
                Write(zip, mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><document/>");
            }
        }

        return file.ToArray();
    }

    public static byte[] Docx() => Ooxml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");

    public static byte[] Xlsx() => Ooxml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");

    public static byte[] Pptx() => Ooxml("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");

    /// <summary>An OLE compound file whose directory holds a stream named <paramref name="stream"/> (as "WordDocument" in a .doc).</summary>
    public static byte[] Ole(string stream)
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        WriteEntry(file, 512, "Root Entry", 5);
        WriteEntry(file, 512 + 128, stream, 2);
        return file;
    }

    /// <summary>Attaches a file to a recommendation through the domain, as the evidence page does; answers its id.</summary>
    public static async Task<int> AttachAsync(JiuDbContext db, int recommendationId, string by, string fileName, byte[] bytes, string description = SampleDescription)
    {
        var (file, refusal) = EvidenceTypes.Check(fileName, bytes);
        var recommendation = await db.Recommendations.SingleAsync(r => r.Id == recommendationId);
        var stamp = new ChangeStamp(by, DateTimeOffset.UtcNow);
        var evidence = recommendation.AttachEvidence(file ?? throw new InvalidOperationException(refusal), description, DateOnly.FromDateTime(DateTime.UtcNow), stamp);
        await db.SaveChangesAsync();
        return evidence.Id;
    }

    /// <summary>The sample file on a recommendation, attached the first time it is asked for.</summary>
    public static async Task<int> SampleAsync(JiuDbContext db, int recommendationId)
    {
        var found = await db.Evidence.Where(e => e.RecommendationId == recommendationId && e.Description == SampleDescription).Select(e => (int?)e.Id).FirstOrDefaultAsync();
        return found ?? await AttachAsync(db, recommendationId, "admin@jiutracker.local", "policy.pdf", Pdf);
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static void WriteEntry(byte[] file, int offset, string name, byte type)
    {
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(file, offset);
        file[offset + 0x40] = (byte)bytes.Length;
        file[offset + 0x42] = type;
    }
}
