using JiuTracker.Web.Dashboard;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// What must be known before the first sheet is written: the reports' sheet names and the figures. Only one small
/// fact row per recommendation is kept, never the snapshots.
/// </summary>
internal sealed class WorkbookOutline
{
    private readonly IReadOnlyList<string> _symbols;

    private WorkbookOutline(IReadOnlyList<string> symbols, FigureCounts counts)
    {
        _symbols = symbols;
        ReportSheets = SheetNames.ForReports(symbols);
        Counts = counts;
    }

    public IReadOnlyList<string> ReportSheets { get; }

    /// <summary>Counted over recommendations in force: withdrawn ones are shown in the sheets, never counted.</summary>
    public FigureCounts Counts { get; }

    public static async Task<WorkbookOutline> ReadAsync(WorkbookContent content, CancellationToken ct)
    {
        var symbols = new List<string>();
        var facts = new List<RecommendationFacts>();
        await foreach (var report in content.Reports().WithCancellation(ct))
        {
            symbols.Add(report.Symbol);
            facts.AddRange(report.Recommendations.Where(r => r.WithdrawnAt is null).Select(r => RecommendationFacts.From(report, r)));
        }

        return new(symbols, FigureCounts.Of(facts, content.Figures));
    }

    /// <summary>Each pass reads the reports again; a report registered or removed in between would misplace sheets.</summary>
    public void CheckSameReport(int index, string symbol)
    {
        if (index >= _symbols.Count || _symbols[index] != symbol)
        {
            throw Changed();
        }
    }

    public void CheckReportCount(int count)
    {
        if (count != _symbols.Count)
        {
            throw Changed();
        }
    }

    private static InvalidOperationException Changed() =>
        new("The reports in scope changed while the workbook was being written; write it again.");
}
