using System.Globalization;
using System.IO.Compression;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// The checks an uploaded file passes before any part of it is unpacked (decision 028): its size, its first bytes, and
/// the zip's central directory, whose declared sizes catch a zip bomb without inflating it.
/// </summary>
internal static class WorkbookPackageGate
{
    /// <summary>How many times its own size a workbook may unpack to, in all.</summary>
    public const long UnpackedSizeFactor = 64;

    /// <summary>The most any workbook may unpack to, whatever the upload limit (decision 028).</summary>
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;

    /// <summary>The highest compression ratio accepted for a part larger than <see cref="RatioCheckedFromBytes"/>.</summary>
    public const long MaxCompressionRatio = 100;

    public const long RatioCheckedFromBytes = 1024 * 1024;

    /// <summary>The most a workbook of <paramref name="maxBytes"/> may unpack to, in all, and the most one part may hold.</summary>
    public static long UnpackedLimit(long maxBytes) =>
        maxBytes >= MaxUnpackedBytes / UnpackedSizeFactor ? MaxUnpackedBytes : maxBytes * UnpackedSizeFactor;

    /// <summary>Copies at most <paramref name="maxBytes"/> + 1 bytes of <paramref name="file"/>, so an oversize file is never read whole.</summary>
    public static (MemoryStream? Bytes, string? Refusal) Copy(Stream file, string fileName, long maxBytes)
    {
        if (file.CanSeek && file.Length - file.Position > maxBytes)
        {
            return (null, Oversize(fileName, maxBytes));
        }

        var bytes = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = file.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - bytes.Length))) > 0)
        {
            bytes.Write(chunk, 0, read);
            if (bytes.Length > maxBytes)
            {
                bytes.Dispose();
                return (null, Oversize(fileName, maxBytes));
            }
        }

        bytes.Position = 0;
        return (bytes, null);
    }

    /// <summary>Refuses what is not a zip, and a zip whose directory declares more than a workbook unpacks to.</summary>
    public static string? Refusal(ZipArchive zip, string fileName, long maxBytes)
    {
        var limit = UnpackedLimit(maxBytes);
        if (zip.Entries.Sum(e => e.Length) > limit)
        {
            return $"{fileName} would unpack to more than {Size(limit)}, far more than any update workbook: it was refused " +
                "without unpacking it. Upload the workbook downloaded from JiuTracker, filled in.";
        }

        foreach (var entry in zip.Entries)
        {
            if (entry.Length > RatioCheckedFromBytes && entry.Length > entry.CompressedLength * MaxCompressionRatio)
            {
                return $"{fileName} holds a part ({entry.FullName}) compressed more than {MaxCompressionRatio} times, as no " +
                    "spreadsheet is: it was refused without unpacking it. Upload the workbook downloaded from JiuTracker, filled in.";
            }

            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                return MacroEnabled(fileName);
            }
        }

        return zip.GetEntry("word/document.xml") is not null
            ? NotAWorkbook(fileName, " (it is a Word document)")
            : null;
    }

    /// <summary>The file's first bytes tell an old or encrypted Office file and anything that is not a zip.</summary>
    public static string? SignatureRefusal(ReadOnlySpan<byte> start, string fileName) => start switch
    {
        [0xD0, 0xCF, 0x11, 0xE0, ..] =>
            $"{fileName} is password-protected or in the old .xls format; save it as an Excel Workbook (.xlsx) without a password, then upload it again.",
        [(byte)'P', (byte)'K', 3, 4, ..] or [(byte)'P', (byte)'K', 5, 6, ..] => null,
        _ => NotAWorkbook(fileName, ""),
    };

    public static string NotAWorkbook(string fileName, string what) =>
        $"{fileName} is not an Excel workbook (.xlsx){what}. Upload the workbook downloaded from JiuTracker; if you saved it in " +
        "another format, open it in Excel and save it as Excel Workbook (.xlsx).";

    public static string MacroEnabled(string fileName) =>
        $"{fileName} is a macro-enabled workbook, and macro-enabled workbooks are refused. In Excel, save it as Excel Workbook " +
        "(.xlsx), then upload that file.";

    private static string Oversize(string fileName, long maxBytes) =>
        $"{fileName} is larger than the {Size(maxBytes)} an update workbook may have; nothing was read. The workbook downloaded " +
        "from JiuTracker is far smaller: is it the right file?";

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB");
}
