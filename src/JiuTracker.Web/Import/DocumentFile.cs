using System.Globalization;
using System.Text;

namespace JiuTracker.Web.Import;

/// <summary>
/// The one gate every document file passes before it is read, from the <c>import</c> command and the upload page alike:
/// refuses an oversize or binary file, and decodes the encodings Word's "save as plain text" writes (see decision 016).
/// </summary>
public static class DocumentFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes of <paramref name="stream"/>, so an oversize file is never loaded whole.</summary>
    public static async Task<DocumentFileText> ReadAsync(Stream stream, string fileName, long maxBytes, CancellationToken ct)
    {
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            return Oversize(fileName, stream.Length, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return Oversize(fileName, null, maxBytes);
            }
        }

        return Decode(buffer.ToArray(), fileName);
    }

    public static DocumentFileText Decode(byte[] bytes, string fileName)
    {
        if (KnownBinaryFormat(bytes) is { } format)
        {
            return DocumentFileText.Refused(
                $"{fileName} is {format}, not plain text. In Word, save the document with File › Save As › Plain Text (*.txt), then import that file.");
        }

        var (encoding, bomLength) = DetectEncoding(bytes);
        string text;
        try
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException)
        {
            return DocumentFileText.Refused($"{fileName} is not readable text: it is not valid {encoding.WebName}, the encoding its first bytes announce.");
        }

        return text.Contains('\0', StringComparison.Ordinal)
            ? DocumentFileText.Refused($"{fileName} is a binary file (it holds NUL bytes), not the document saved as plain text. In Word, use File › Save As › Plain Text (*.txt).")
            : new DocumentFileText(text, encoding.WebName, null);
    }

    /// <summary>A byte-order mark decides; else UTF-16 without one when every other byte is zero; else strict UTF-8; else Windows-1252.</summary>
    private static (Encoding Encoding, int BomLength) DetectEncoding(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return (StrictUtf8, 3);
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return (Utf16(bigEndian: false), 2);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return (Utf16(bigEndian: true), 2);
        }

        if (BomlessUtf16(bytes) is { } bigEndian)
        {
            return (Utf16(bigEndian), 0);
        }

        try
        {
            _ = StrictUtf8.GetCharCount(bytes);
            return (StrictUtf8, 0);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: an 8-bit Windows text, which is what Word writes for "Windows (default)" in Western Europe.
            return (System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!, 0);
        }
    }

    private static UnicodeEncoding Utf16(bool bigEndian) => new(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The document is mostly Latin text, so in UTF-16 without a byte-order mark the high byte of nearly every character is
    /// zero: at odd offsets for little-endian, at even ones for big-endian. Returns null when the bytes do not look so.
    /// </summary>
    private static bool? BomlessUtf16(byte[] bytes)
    {
        var sample = Math.Min(bytes.Length - bytes.Length % 2, 4096);
        if (sample < 4)
        {
            return null;
        }

        int zerosAtEven = 0, zerosAtOdd = 0;
        for (var i = 0; i < sample; i += 2)
        {
            zerosAtEven += bytes[i] == 0 ? 1 : 0;
            zerosAtOdd += bytes[i + 1] == 0 ? 1 : 0;
        }

        var characters = sample / 2;
        return (zerosAtEven, zerosAtOdd) switch
        {
            (0, var odd) when odd >= characters * 0.9 => false,
            (var evenZeros, 0) when evenZeros >= characters * 0.9 => true,
            _ => null,
        };
    }

    private static string? KnownBinaryFormat(byte[] bytes) => bytes switch
    {
        [(byte)'P', (byte)'K', 3, 4, ..] => "a zip archive (a Word .docx document is one)",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "an old Word (.doc) document",
        _ => null,
    };

    private static DocumentFileText Oversize(string fileName, long? length, long maxBytes) =>
        DocumentFileText.Refused(
            $"{fileName} is {(length is { } bytes ? $"{Megabytes(bytes)}, " : "")}larger than the {Megabytes(maxBytes)} a document may have " +
            "(setting Import:MaxFileBytes); nothing was read. The document saved as plain text is far smaller: is it the right file?");

    private static string Megabytes(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.0} MB");
}

/// <summary>The text of a document file, or why it was refused (<see cref="Refusal"/>, one sentence for a person).</summary>
public sealed record DocumentFileText(string? Text, string? EncodingName, string? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static DocumentFileText Refused(string reason) => new(null, null, reason);
}
