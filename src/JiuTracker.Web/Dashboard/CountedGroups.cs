using System.Globalization;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// What the dashboard's numbers are summed from: the groups counted by the database (<see cref="FigureGroup"/>), the
/// reports they belong to (latest first) and those reports' focal points. Kept with the figures, so that a change to
/// a few recommendations re-counts only their reports' groups.
/// </summary>
public sealed record CountedGroups(IReadOnlyList<FigureGroup> Groups, IReadOnlyList<CountedGroups.ReportInfo> Reports, IReadOnlyList<CountedGroups.Assignment> Assignments)
{
    /// <summary>The longest breakdowns (per report, unit and focal point) show this many rows; the filter narrows them.</summary>
    public const int MaxBreakdownRows = 50;

    /// <summary>These groups with those of some reports counted again; false when a report is new to them.</summary>
    public bool TryReplace(IReadOnlyCollection<int> reportIds, IReadOnlyList<FigureGroup> recounted, out CountedGroups replaced)
    {
        var known = Reports.Select(r => r.Id).ToHashSet();
        var changed = reportIds.ToHashSet();
        replaced = this with { Groups = [.. Groups.Where(g => !changed.Contains(g.ReportId)), .. recounted] };
        return recounted.All(g => known.Contains(g.ReportId));
    }

    public DashboardFigures Summarize(RecommendationFilter filter)
    {
        var byReport = Groups.ToLookup(g => g.ReportId);
        var reports = Reports.Where(r => byReport.Contains(r.Id)).ToList();
        var assignments = Assignments.Where(a => byReport.Contains(a.ReportId)).ToList();
        var view = new DashboardView(
            FigureCounts.Sum(Groups),
            [
                ByReport(filter, byReport, reports),
                ByYear(filter, byReport, reports),
                ByAddressee(filter),
                ByUnit(filter, byReport, assignments),
                ByFocalPoint(filter, byReport, assignments),
            ]);
        return new DashboardFigures(view, Groups.Min(g => g.FirstRecentChange), this);
    }

    private static Breakdown ByReport(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<ReportInfo> reports) =>
        Limited("Per report", "Report", reports.Count, reports.Take(MaxBreakdownRows).Select(report => Row(
            report.Symbol, filter.With(report: report.Symbol), byReport[report.Id], report.Title)),
            null, "the latest reports first; choose years or a report above to see others");

    private static Breakdown ByYear(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<ReportInfo> reports) =>
        new("Per report year", "Year", [.. reports.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(year => Row(
            year.Key.ToString(CultureInfo.InvariantCulture), filter.With(year: year.Key), year.SelectMany(r => byReport[r.Id])))]);

    private Breakdown ByAddressee(RecommendationFilter filter)
    {
        var byAddressee = Groups.ToLookup(g => g.Addressee);
        return new("Per addressee", "Addressed to", [.. Enum.GetValues<Addressee>()
            .Where(byAddressee.Contains)
            .Select(a => Row(a.Label(), filter.With(addressee: a), byAddressee[a]))]);
    }

    private static Breakdown ByUnit(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<Assignment> assignments)
    {
        var units = assignments.Select(a => (a.Unit, a.ReportId)).Distinct()
            .GroupBy(x => x.Unit, x => x.ReportId).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
        return Limited("Per unit", "Unit", units.Count, units.Take(MaxBreakdownRows).Select(unit => Row(
                unit.Key, filter.With(unit: unit.Key), unit.SelectMany(id => byReport[id]))),
            "A recommendation counts under every unit that holds a focal point of its report, so the rows can add up to more than the total.",
            "in alphabetical order; choose a unit above to see another");
    }

    private static Breakdown ByFocalPoint(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<Assignment> assignments)
    {
        var people = assignments.GroupBy(a => (a.FocalPointId, a.Name, a.Unit), a => a.ReportId)
            .OrderBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key.FocalPointId).ToList();
        return Limited("Per focal point", "Focal point", people.Count, people.Take(MaxBreakdownRows).Select(person => Row(
                FocalPoint.WithUnit(person.Key.Name, person.Key.Unit), filter.With(focalPoint: person.Key.FocalPointId), person.SelectMany(id => byReport[id]))),
            "A report with several focal points counts under each of them.",
            "in alphabetical order; narrow the filter above to see others");
    }

    /// <summary>A breakdown of at most <see cref="MaxBreakdownRows"/> rows, its note saying so when rows are left out.</summary>
    private static Breakdown Limited(string title, string keyHeader, int total, IEnumerable<BreakdownRow> rows, string? note, string whichShown)
    {
        var shown = rows.ToList();
        var limit = total > shown.Count ? $"The first {shown.Count} of {total} rows are shown, {whichShown}." : null;
        string?[] notes = [note, limit];
        var text = string.Join(" ", notes.OfType<string>());
        return new(title, keyHeader, shown, text.Length == 0 ? null : text);
    }

    private static BreakdownRow Row(string label, RecommendationFilter filter, IEnumerable<FigureGroup> groups, string? detail = null) =>
        new(label, filter, FigureCounts.Sum(groups), detail);

    public sealed record ReportInfo(int Id, string Symbol, string Title, int Year);

    public sealed record Assignment(int ReportId, int FocalPointId, string Name, string Unit);
}
