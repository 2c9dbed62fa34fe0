using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Evidence;

/// <summary>
/// Decides what an uploaded file is from its bytes, never from its name, and lets in only the kinds evidence may be:
/// PDF, Word, Excel and PowerPoint (OOXML and the old OLE formats), PNG, JPEG, GIF and plain UTF-8 text.
/// </summary>
public static class EvidenceTypes
{
    public const string Allowed = "PDF, Word, Excel or PowerPoint documents, PNG, JPEG or GIF images, or plain text (UTF-8)";

    private const int MaxContentTypesBytes = 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, string Kind)> OoxmlMainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] =
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document (.docx)"),
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] =
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook (.xlsx)"),
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] =
            ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation (.pptx)"),
    };

    /// <summary>The stream each old Office format keeps its content in, and what the file then is.</summary>
    private static readonly (string Stream, string ContentType, string Kind)[] OleStreams =
    [
        ("WordDocument", "application/msword", "Word document (.doc)"),
        ("Workbook", "application/vnd.ms-excel", "Excel workbook (.xls)"),
        ("Book", "application/vnd.ms-excel", "Excel workbook (.xls)"),
        ("PowerPoint Document", "application/vnd.ms-powerpoint", "PowerPoint presentation (.ppt)"),
    ];

    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes and checks them.</summary>
    /// <returns>The checked file, or the sentence refusing it (naming the file and what it is).</returns>
    public static async Task<(CheckedFile? File, string? Refusal)> ReadAsync(Stream upload, string uploadedName, long maxBytes, CancellationToken ct)
    {
        var name = DownloadName.Of(uploadedName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return (null, $"{name} is larger than the limit of {Megabytes(maxBytes)} a file. Nothing was stored.");
            }
        }

        return Check(name, buffer.ToArray());
    }

    public static (CheckedFile? File, string? Refusal) Check(string name, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, $"{name} is empty. Nothing was stored.");
        }

        var (contentType, kind, what) = Identify(bytes);
        if (contentType is null)
        {
            return (null, $"{name} is {what}, which cannot be evidence: upload {Allowed}. Nothing was stored.");
        }

        return (new CheckedFile(name, contentType, kind!, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }

    /// <returns>The content type and kind when allowed; otherwise nulls and what the file is, in words.</returns>
    public static (string? ContentType, string? Kind, string What) Identify(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8))
        {
            return ("application/pdf", "PDF document", "a PDF document");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", "PNG image", "a PNG image");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ("image/jpeg", "JPEG image", "a JPEG image");
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ("image/gif", "GIF image", "a GIF image");
        }

        if (bytes.StartsWith("MZ"u8))
        {
            return (null, null, "a Windows program (an executable, \"MZ\" header)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
        {
            return (null, null, "a program (an ELF executable)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return OleKind(bytes);
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return ZipKind(bytes.ToArray());
        }

        return IsPlainText(bytes) ? ("text/plain; charset=utf-8", "Plain text", "plain text") : (null, null, "not a file of an allowed type (its content is not recognised)");
    }

    /// <summary>Valid UTF-8 (a byte-order mark allowed) without NUL or control characters other than tab, CR and LF.</summary>
    public static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var c in text.AsSpan(text.StartsWith('\uFEFF') ? 1 : 0))
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An OLE compound file is an old Office document when its directory holds the format's main stream. Directory
    /// entries (128 bytes: the name in UTF-16, its length in bytes at 0x40, the object type at 0x42, 2 for a stream)
    /// lie in sectors, which start at multiples of 128 after the 512-byte header whatever the sector size.
    /// </summary>
    private static (string?, string?, string) OleKind(ReadOnlySpan<byte> bytes)
    {
        for (var offset = 512; offset + 128 <= bytes.Length; offset += 128)
        {
            var entry = bytes.Slice(offset, 128);
            var nameBytes = entry[0x40] | (entry[0x41] << 8);
            if (entry[0x42] != 2 || nameBytes is < 4 or > 64)
            {
                continue;
            }

            var name = Encoding.Unicode.GetString(entry[..(nameBytes - 2)]);
            foreach (var (stream, contentType, kind) in OleStreams)
            {
                if (name == stream)
                {
                    return (contentType, kind, kind);
                }
            }
        }

        return (null, null, "an OLE compound file that is not a Word, Excel or PowerPoint document (perhaps an encrypted document or an e-mail message)");
    }

    /// <summary>A zip is an OOXML document when its <c>[Content_Types].xml</c> names a main part of Word, Excel or PowerPoint that it holds.</summary>
    private static (string?, string?, string) ZipKind(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesBytes)
            {
                return (null, null, "a zip archive, not a Word, Excel or PowerPoint document");
            }

            using var stream = types.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxContentTypesBytes });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Override")
                {
                    continue;
                }

                var type = reader.GetAttribute("ContentType") ?? "";
                var part = (reader.GetAttribute("PartName") ?? "").TrimStart('/');
                if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, null, "a macro-enabled Office document");
                }

                if (OoxmlMainParts.TryGetValue(type, out var found) && zip.GetEntry(part) is not null)
                {
                    return (found.ContentType, found.Kind, found.Kind);
                }
            }

            return (null, null, "a zip archive, not a Word, Excel or PowerPoint document");
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return (null, null, "a damaged zip archive");
        }
    }

    private static string Megabytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes:N0} bytes";
}
