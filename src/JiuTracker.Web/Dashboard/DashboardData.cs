using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The dashboard's numbers for one filter: loaded with a fixed number of queries, whatever the number of reports,
/// then counted in memory with the same definitions that select the drill-down rows.
/// </summary>
public sealed class DashboardData(JiuDbContext db, FilteredRecommendations filtered, FigureDefinitions definitions)
{
    public async Task<DashboardView> LoadAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var facts = await filtered.Query(filter, Figure.All, userId).AsNoTracking().ToListAsync(ct);
        var reportIds = facts.Select(f => f.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => reportIds.Contains(r.Id))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol)
            .Select(r => new ReportInfo(r.Id, r.Symbol, r.Title, r.Year,
                r.FocalPoints.OrderBy(f => f.Name).Select(f => new FocalPointInfo(f.Id, f.Name, f.Unit)).ToList()))
            .ToListAsync(ct);

        return new DashboardView(
            FigureCounts.Of(facts, definitions),
            [
                ByReport(filter, facts, reports),
                ByYear(filter, facts),
                ByAddressee(filter, facts),
                ByUnit(filter, facts, reports),
                ByFocalPoint(filter, facts, reports),
            ]);
    }

    private Breakdown ByReport(RecommendationFilter filter, List<RecommendationFacts> facts, List<ReportInfo> reports) =>
        new("Per report", "Report", [.. reports.Select(report => Row(
            report.Symbol, filter.With(report: report.Symbol), facts.Where(f => f.ReportId == report.Id), report.Title))]);

    private Breakdown ByYear(RecommendationFilter filter, List<RecommendationFacts> facts) =>
        new("Per report year", "Year", [.. facts.Select(f => f.ReportYear).Distinct().Order().Select(year => Row(
            year.ToString(System.Globalization.CultureInfo.InvariantCulture), filter.With(year: year), facts.Where(f => f.ReportYear == year)))]);

    private Breakdown ByAddressee(RecommendationFilter filter, List<RecommendationFacts> facts) =>
        new("Per addressee", "Addressed to", [.. Enum.GetValues<Addressee>()
            .Where(a => facts.Any(f => f.Addressee == a))
            .Select(a => Row(a.Label(), filter.With(addressee: a), facts.Where(f => f.Addressee == a)))]);

    private Breakdown ByUnit(RecommendationFilter filter, List<RecommendationFacts> facts, List<ReportInfo> reports)
    {
        var units = reports.SelectMany(r => r.FocalPoints.Select(f => (f.Unit, ReportId: r.Id))).Distinct()
            .GroupBy(x => x.Unit, x => x.ReportId).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        return new("Per unit", "Unit", [.. units.Select(unit => Row(
                unit.Key, filter.With(unit: unit.Key), facts.Where(f => unit.Contains(f.ReportId))))],
            "A recommendation counts under every unit that holds a focal point of its report, so the rows can add up to more than the total.");
    }

    private Breakdown ByFocalPoint(RecommendationFilter filter, List<RecommendationFacts> facts, List<ReportInfo> reports)
    {
        var people = reports.SelectMany(r => r.FocalPoints.Select(f => (Person: f, ReportId: r.Id)))
            .GroupBy(x => x.Person, x => x.ReportId).OrderBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase);
        return new("Per focal point", "Focal point", [.. people.Select(person => Row(
                $"{person.Key.Name} ({person.Key.Unit})", filter.With(focalPoint: person.Key.Id), facts.Where(f => person.Contains(f.ReportId))))],
            "A report with several focal points counts under each of them.");
    }

    private BreakdownRow Row(string label, RecommendationFilter filter, IEnumerable<RecommendationFacts> facts, string? detail = null) =>
        new(label, filter, FigureCounts.Of([.. facts], definitions), detail);

    private sealed record ReportInfo(int Id, string Symbol, string Title, int Year, List<FocalPointInfo> FocalPoints);

    private sealed record FocalPointInfo(int Id, string Name, string Unit);
}

/// <param name="Breakdowns">Per report, per year, per addressee, per unit, per focal point, in that order.</param>
public sealed record DashboardView(FigureCounts Totals, IReadOnlyList<Breakdown> Breakdowns)
{
    public Breakdown ByReport => Breakdowns[0];

    public Breakdown ByYear => Breakdowns[1];
}
