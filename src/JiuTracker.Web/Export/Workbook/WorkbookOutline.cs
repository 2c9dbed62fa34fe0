using JiuTracker.Web.Dashboard;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// What the summary and the package's frame need from the reports, gathered while their sheets are written: the
/// reports' sheet names and the figures. Only one small fact row per recommendation is kept, never the snapshots.
/// </summary>
internal sealed class WorkbookOutline
{
    private readonly List<string> _symbols = [];
    private readonly List<RecommendationFacts> _facts = [];

    public int ReportCount => _symbols.Count;

    /// <summary>Every sheet's name, in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames =>
        [Workbook.SheetNames.Summary, .. Workbook.SheetNames.ForReports(_symbols), Workbook.SheetNames.Recommendations, Workbook.SheetNames.History];

    public void Add(ReportSnapshot report)
    {
        _symbols.Add(report.Symbol);
        _facts.AddRange(report.Recommendations.Where(r => r.WithdrawnAt is null).Select(r => SnapshotFacts.Of(report, r)));
    }

    /// <summary>Counted over recommendations in force: withdrawn ones are shown in the sheets, never counted.</summary>
    public FigureCounts Counts(FigureDefinitions figures) => FigureCounts.Of(_facts, figures);
}
