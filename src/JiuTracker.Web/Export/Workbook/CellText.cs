namespace JiuTracker.Web.Export.Workbook;

/// <summary>Text as a cell can hold it: characters XML cannot carry are dropped, text past Excel's limit is cut.</summary>
internal static class CellText
{
    /// <summary>Excel refuses a file with longer cell text.</summary>
    public const int MaxLength = 32_767;

    public const string TruncationMark = " […]";

    public static string Safe(string text)
    {
        // Control characters can arrive in pasted comments; XML 1.0 has no way to write them.
        var safe = text.AsSpan().ContainsAny(Utf8Markup.NotXml) ? new string([.. text.Where(c => !Utf8Markup.NotXml.Contains(c))]) : text;
        if (safe.Length <= MaxLength)
        {
            return safe;
        }

        var cut = MaxLength - TruncationMark.Length;
        return string.Concat(safe.AsSpan(0, char.IsHighSurrogate(safe[cut - 1]) ? cut - 1 : cut), TruncationMark);
    }
}
