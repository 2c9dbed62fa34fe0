using System.Buffers;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>Text as a cell can hold it: characters XML cannot carry are dropped, text past Excel's limit is cut.</summary>
internal static class CellText
{
    /// <summary>Excel refuses a file with longer cell text.</summary>
    public const int MaxLength = 32_767;

    public const string TruncationMark = " […]";

    /// <summary>Control characters but tab and line breaks, and the two non-characters XML 1.0 excludes.</summary>
    private static readonly SearchValues<char> NotXml = SearchValues.Create(
        [.. Enumerable.Range(0, ' ').Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r')), '\uFFFE', '\uFFFF']);

    public static string Safe(string text)
    {
        // Control characters can arrive in pasted comments; XML 1.0 has no way to write them.
        var safe = text.AsSpan().ContainsAny(NotXml) ? new string([.. text.Where(c => !NotXml.Contains(c))]) : text;
        if (safe.Length <= MaxLength)
        {
            return safe;
        }

        var cut = MaxLength - TruncationMark.Length;
        return string.Concat(safe.AsSpan(0, char.IsHighSurrogate(safe[cut - 1]) ? cut - 1 : cut), TruncationMark);
    }
}
