using System.Text;

namespace JiuTracker.Tests.Import;

/// <summary>The seed document saved in each encoding Word's "save as plain text" offers, as the bytes of the file.</summary>
internal static class EncodedDocuments
{
    public const string Utf8 = "UTF-8";
    public const string Utf8WithBom = "UTF-8 with BOM";
    public const string Utf16LittleEndian = "UTF-16 LE with BOM";
    public const string Utf16BigEndian = "UTF-16 BE with BOM";
    public const string Utf16LittleEndianWithoutBom = "UTF-16 LE without BOM";
    public const string Windows1252 = "Windows-1252";

    public static TheoryData<string> Encodings => [Utf8, Utf8WithBom, Utf16LittleEndian, Utf16BigEndian, Utf16LittleEndianWithoutBom, Windows1252];

    /// <summary>The seed with a focal point and a comment that use letters beyond ASCII, so each encoding has them to get right.</summary>
    public static string SeedWithAccents()
    {
        var text = TestDocuments.SeedWithLine(22, "\tMs. Robin Zuercher (SPD/GS)", "\tMs. Robin Zürcher (SPD/GS)");
        return text.Replace("paper smart", "papier économe", StringComparison.Ordinal);
    }

    public static byte[] Bytes(string text, string encoding) => encoding switch
    {
        Utf8 => new UTF8Encoding(false).GetBytes(text),
        Utf8WithBom => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
        Utf16LittleEndian => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)],
        Utf16BigEndian => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)],
        Utf16LittleEndianWithoutBom => Encoding.Unicode.GetBytes(text),
        Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "not an encoding of these tests"),
    };

    /// <summary>The first bytes of a Word .docx (a zip archive), then filler.</summary>
    public static byte[] Docx() => [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0, .. Encoding.ASCII.GetBytes("[Content_Types].xml")];

    /// <summary>Text with NUL bytes in it, as any binary file has.</summary>
    public static byte[] WithNulBytes() => [.. Encoding.ASCII.GetBytes("Action required"), 0, 0, 0, 1, 2, .. Encoding.ASCII.GetBytes("JIU/REP/2021/3")];
}
