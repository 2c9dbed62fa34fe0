using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The dashboard's numbers for one filter: loaded with a fixed number of queries, whatever the number of reports,
/// then counted in memory with the same definitions that select the drill-down rows, and kept in
/// <see cref="FiguresCache"/> until the data changes.
/// </summary>
public sealed class DashboardData(JiuDbContext db, FilteredRecommendations filtered, FigureDefinitions definitions, FiguresCache cache)
{
    /// <summary>The longest breakdowns (per report, unit and focal point) show this many rows; the filter narrows them.</summary>
    public const int MaxBreakdownRows = 50;

    /// <summary>The figures a recommendation needs attention for, in the order the needs-attention list shows them.</summary>
    public static readonly IReadOnlyList<Figure> AttentionReasons = [Figure.NoDecision, Figure.AcceptedNotStarted, Figure.Overdue, Figure.NoRecentUpdate];

    public async Task<DashboardView> LoadAsync(RecommendationFilter filter, string? userId, CancellationToken ct) =>
        (await FiguresAsync(filter, userId, ct)).View;

    /// <param name="userId">The signed-in user, for <see cref="RecommendationFilter.Mine"/>.</param>
    public Task<DashboardFigures> FiguresAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var key = string.Join("&", filter.ToRouteValues().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return cache.GetOrLoadAsync(db, definitions, filter.IsMine ? $"{key}&user={userId}" : key, () => CountAsync(filter, userId, ct), ct);
    }

    private async Task<DashboardFigures> CountAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var facts = await filtered.Query(filter, Figure.All, userId).AsNoTracking().ToListAsync(ct);
        var reportIds = facts.Select(f => f.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => reportIds.Contains(r.Id))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol)
            .Select(r => new ReportInfo(r.Id, r.Symbol, r.Title, r.Year,
                r.FocalPoints.OrderBy(f => f.Name).Select(f => new FocalPointInfo(f.Id, f.Name, f.Unit)).ToList()))
            .ToListAsync(ct);
        var byReport = facts.ToLookup(f => f.ReportId);

        var view = new DashboardView(
            FigureCounts.Of(facts, definitions),
            [
                ByReport(filter, byReport, reports),
                ByYear(filter, facts),
                ByAddressee(filter, facts),
                ByUnit(filter, byReport, reports),
                ByFocalPoint(filter, byReport, reports),
            ]);
        var attention = facts
            .Where(f => AttentionReasons.Any(reason => definitions[reason].Matches(f)))
            .OrderByDescending(f => f.ReportYear).ThenBy(f => f.ReportSymbol, StringComparer.Ordinal).ThenBy(f => f.Number)
            .Select(f => f.Id)
            .ToArray();
        var firstRecentChange = facts.Where(f => f.LastChangedAt >= definitions.StaleBefore).Min(f => f.LastChangedAt);
        return new DashboardFigures(view, attention, firstRecentChange);
    }

    private Breakdown ByReport(RecommendationFilter filter, ILookup<int, RecommendationFacts> byReport, List<ReportInfo> reports) =>
        Limited("Per report", "Report", reports.Count, reports.Take(MaxBreakdownRows).Select(report => Row(
            report.Symbol, filter.With(report: report.Symbol), byReport[report.Id], report.Title)),
            null, "the latest reports first; choose years or a report above to see others");

    private Breakdown ByYear(RecommendationFilter filter, List<RecommendationFacts> facts) =>
        new("Per report year", "Year", [.. facts.GroupBy(f => f.ReportYear).OrderBy(g => g.Key).Select(year => Row(
            year.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), filter.With(year: year.Key), year))]);

    private Breakdown ByAddressee(RecommendationFilter filter, List<RecommendationFacts> facts)
    {
        var byAddressee = facts.ToLookup(f => f.Addressee);
        return new("Per addressee", "Addressed to", [.. Enum.GetValues<Addressee>()
            .Where(byAddressee.Contains)
            .Select(a => Row(a.Label(), filter.With(addressee: a), byAddressee[a]))]);
    }

    private Breakdown ByUnit(RecommendationFilter filter, ILookup<int, RecommendationFacts> byReport, List<ReportInfo> reports)
    {
        var units = reports.SelectMany(r => r.FocalPoints.Select(f => (f.Unit, ReportId: r.Id))).Distinct()
            .GroupBy(x => x.Unit, x => x.ReportId).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
        return Limited("Per unit", "Unit", units.Count, units.Take(MaxBreakdownRows).Select(unit => Row(
                unit.Key, filter.With(unit: unit.Key), unit.SelectMany(id => byReport[id]))),
            "A recommendation counts under every unit that holds a focal point of its report, so the rows can add up to more than the total.",
            "in alphabetical order; choose a unit above to see another");
    }

    private Breakdown ByFocalPoint(RecommendationFilter filter, ILookup<int, RecommendationFacts> byReport, List<ReportInfo> reports)
    {
        var people = reports.SelectMany(r => r.FocalPoints.Select(f => (Person: f, ReportId: r.Id)))
            .GroupBy(x => x.Person, x => x.ReportId).OrderBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return Limited("Per focal point", "Focal point", people.Count, people.Take(MaxBreakdownRows).Select(person => Row(
                $"{person.Key.Name} ({person.Key.Unit})", filter.With(focalPoint: person.Key.Id), person.SelectMany(id => byReport[id]))),
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

/// <summary>What the dashboard pages need from every recommendation of a filter, counted once.</summary>
/// <param name="NeedingAttention">The ids of the recommendations that need attention, in the needs-attention list's order.</param>
/// <param name="FirstRecentChange">The oldest latest change that was still recent when counted: once it is no longer
/// recent, "no recent update" and the list would count differently.</param>
public sealed record DashboardFigures(DashboardView View, IReadOnlyList<int> NeedingAttention, DateTimeOffset? FirstRecentChange)
{
    public bool StillExactAt(DateTimeOffset staleBefore) => FirstRecentChange is not { } first || first >= staleBefore;
}
