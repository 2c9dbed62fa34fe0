namespace JiuTracker.Web.Export.Workbook;

/// <summary>Sheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique regardless of case.</summary>
public static class SheetNames
{
    public const int MaxLength = 31;

    public const string Summary = "Summary";
    public const string Recommendations = "Recommendations";
    public const string History = "History";

    private static readonly char[] Forbidden = [':', '\\', '/', '?', '*', '[', ']'];

    /// <summary>A sheet name per report symbol, in the same order: "JIU/REP/2021/3" becomes "REP-2021-3".</summary>
    public static IReadOnlyList<string> ForReports(IEnumerable<string> symbols)
    {
        var taken = new HashSet<string>([Summary, Recommendations, History], StringComparer.OrdinalIgnoreCase);
        return [.. symbols.Select(symbol => Unique(FromSymbol(symbol), taken))];
    }

    public static string FromSymbol(string symbol)
    {
        var name = symbol.Trim();
        if (name.StartsWith("JIU/", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..];
        }

        name = new string([.. name.Select(c => Forbidden.Contains(c) || char.IsControl(c) ? '-' : c)]).Trim().Trim('\'');
        name = name.Length > MaxLength ? name[..MaxLength].TrimEnd() : name;
        return name.Length == 0 ? "Report" : name;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = name[..Math.Min(name.Length, MaxLength - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
