namespace JiuTracker.Web.Data;

/// <summary>Turns what a person typed into a LIKE pattern that finds it anywhere, with LIKE's wildcards taken literally.</summary>
public static class TextSearch
{
    public const string EscapeCharacter = "\\";

    public static string ContainsPattern(string term)
    {
        var escaped = term.Trim()
            .Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
