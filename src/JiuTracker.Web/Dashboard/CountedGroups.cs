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
        new(BreakdownKind.Report, "Per report", "Report", [.. reports.Select(report => Row(
            report.Symbol, filter.With(report: report.Symbol), byReport[report.Id], report.Title))],
            "the latest reports first");

    private static Breakdown ByYear(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<ReportInfo> reports) =>
        new(BreakdownKind.Year, "Per report year", "Year", [.. reports.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(year => Row(
            year.Key.ToString(CultureInfo.InvariantCulture), filter.With(year: year.Key), year.SelectMany(r => byReport[r.Id])))],
            "the earliest year first");

    private Breakdown ByAddressee(RecommendationFilter filter)
    {
        var byAddressee = Groups.ToLookup(g => g.Addressee);
        return new(BreakdownKind.Addressee, "Per addressee", "Addressed to", [.. Enum.GetValues<Addressee>()
            .Where(byAddressee.Contains)
            .Select(a => Row(a.Label(), filter.With(addressee: a), byAddressee[a]))], "in the document's order");
    }

    private static Breakdown ByUnit(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<Assignment> assignments)
    {
        var units = assignments.Select(a => (a.Unit, a.ReportId)).Distinct()
            .GroupBy(x => x.Unit, x => x.ReportId).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        return new(BreakdownKind.Unit, "Per unit", "Unit", [.. units.Select(unit => Row(
                unit.Key, filter.With(unit: unit.Key), unit.SelectMany(id => byReport[id])))],
            "in alphabetical order",
            "A recommendation counts under every unit that holds a focal point of its report, so the rows can add up to more than the total.");
    }

    private static Breakdown ByFocalPoint(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<Assignment> assignments)
    {
        var people = assignments.GroupBy(a => (a.FocalPointId, a.Name, a.Unit), a => a.ReportId)
            .OrderBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key.FocalPointId);
        return new(BreakdownKind.FocalPoint, "Per focal point", "Focal point", [.. people.Select(person => Row(
                FocalPoint.WithUnit(person.Key.Name, person.Key.Unit), filter.With(focalPoint: person.Key.FocalPointId), person.SelectMany(id => byReport[id])))],
            "in alphabetical order",
            "A report with several focal points counts under each of them.");
    }

    private static BreakdownRow Row(string label, RecommendationFilter filter, IEnumerable<FigureGroup> groups, string? detail = null) =>
        new(label, filter, FigureCounts.Sum(groups), detail);

    public sealed record ReportInfo(int Id, string Symbol, string Title, int Year);

    public sealed record Assignment(int ReportId, int FocalPointId, string Name, string Unit);
}
