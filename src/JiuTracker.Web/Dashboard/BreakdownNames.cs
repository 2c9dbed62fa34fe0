namespace JiuTracker.Web.Dashboard;

/// <summary>The names of the breakdowns in addresses (<c>/Dashboard/Breakdown?by=focal-point</c>), and back.</summary>
public static class BreakdownNames
{
    private static readonly Dictionary<BreakdownKind, string> Names = new()
    {
        [BreakdownKind.Report] = "report",
        [BreakdownKind.Year] = "year",
        [BreakdownKind.Addressee] = "addressee",
        [BreakdownKind.Unit] = "unit",
        [BreakdownKind.FocalPoint] = "focal-point",
    };

    public static string Name(this BreakdownKind kind) => Names[kind];

    public static bool TryParse(string? name, out BreakdownKind kind)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (string.Equals(candidateName, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The choices, for a message saying what <c>by</c> may be.</summary>
    public static string Choices => string.Join(", ", Names.Values);
}
