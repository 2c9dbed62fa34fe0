namespace JiuTracker.Web.Data;

/// <summary>
/// Turns what a person typed into a LIKE pattern, in capitals, that finds it anywhere in a column given in capitals
/// (<c>column.ToUpper()</c>), with LIKE's wildcards taken literally.
/// </summary>
public static class TextSearch
{
    public const string EscapeCharacter = "\\";

    public static string ContainsPattern(string term)
    {
        var escaped = term.Trim().ToUpperInvariant()
            .Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
