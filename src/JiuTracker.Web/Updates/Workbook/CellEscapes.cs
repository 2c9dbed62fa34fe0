using System.Text.RegularExpressions;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>Cell text as the file stores it, turned back into what Excel shows.</summary>
internal static partial class CellEscapes
{
    /// <summary>Excel writes characters XML cannot hold, such as a carriage return, as <c>_x000D_</c>; <c>_x005F_</c> escapes the underscore.</summary>
    public static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();
}
