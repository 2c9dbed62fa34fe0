using System.Globalization;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The dashboard's numbers for one filter: the database counts every figure per report and addressee
/// (<see cref="FigureGroup"/>) with the same definitions that select the drill-down rows; totals and breakdowns are
/// sums of those groups. A fixed number of queries, whatever the number of reports; what is counted is kept in
/// <see cref="FiguresCache"/> until the data changes.
/// </summary>
public sealed class DashboardData(JiuDbContext db, FilteredRecommendations filtered, FigureDefinitions definitions, FiguresCache cache)
{
    /// <summary>The longest breakdowns (per report, unit and focal point) show this many rows; the filter narrows them.</summary>
    public const int MaxBreakdownRows = 50;

    /// <summary>The figures a recommendation needs attention for, in the order the needs-attention list shows them.</summary>
    public static readonly IReadOnlyList<Figure> AttentionReasons = [Figure.NoDecision, Figure.AcceptedNotStarted, Figure.Overdue, Figure.NoRecentUpdate];

    private string? _version;

    public async Task<DashboardView> LoadAsync(RecommendationFilter filter, string? userId, CancellationToken ct) =>
        (await FiguresAsync(filter, userId, ct)).View;

    /// <param name="userId">The signed-in user, for <see cref="RecommendationFilter.Mine"/>.</param>
    public async Task<DashboardFigures> FiguresAsync(RecommendationFilter filter, string? userId, CancellationToken ct) =>
        await cache.GetOrLoadAsync(await VersionAsync(ct), $"figures|{definitions.Today:yyyy-MM-dd}|{Key(filter, userId)}",
            () => CountAsync(filter, userId, ct), figures => figures.StillExactAt(definitions.StaleBefore));

    /// <summary>The ids of the recommendations that need attention, in the needs-attention list's order.</summary>
    public async Task<IReadOnlyList<int>> NeedingAttentionAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var figures = await FiguresAsync(filter, userId, ct);
        var list = await cache.GetOrLoadAsync(await VersionAsync(ct), $"attention|{definitions.Today:yyyy-MM-dd}|{Key(filter, userId)}",
            async () => new AttentionList(await NeedingAttentionIdsAsync(filter, userId, ct), figures),
            list => list.Figures.StillExactAt(definitions.StaleBefore));
        return list.Ids;
    }

    /// <summary>The filter form's choices (years, reports, units), kept until the data changes.</summary>
    public async Task<FilterOptions> OptionsAsync(CancellationToken ct) =>
        await cache.GetOrLoadAsync(await VersionAsync(ct), "options", () => FilterOptions.LoadAsync(db, ct), _ => true);

    private async Task<string> VersionAsync(CancellationToken ct) => _version ??= await FiguresCache.VersionAsync(db, ct);

    private static string Key(RecommendationFilter filter, string? userId)
    {
        var key = string.Join("&", filter.ToRouteValues().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return filter.IsMine ? $"{key}&user={userId}" : key;
    }

    private async Task<DashboardFigures> CountAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var groups = await FigureGroup.Count(filtered.Query(filter, Figure.All, userId), definitions).ToListAsync(ct);
        var byReport = groups.ToLookup(g => g.ReportId);
        // One parameter holding every id (a JSON array, or an array on PostgreSQL), not one parameter per id.
        var reportIds = byReport.Select(g => g.Key).ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => EF.Parameter(reportIds).Contains(r.Id))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol)
            .Select(r => new ReportInfo(r.Id, r.Symbol, r.Title, r.Year))
            .ToListAsync(ct);
        var assignments = await db.Reports.AsNoTracking()
            .Where(r => EF.Parameter(reportIds).Contains(r.Id))
            .SelectMany(r => r.FocalPoints, (r, f) => new Assignment(r.Id, f.Id, f.Name, f.Unit))
            .ToListAsync(ct);

        var view = new DashboardView(
            FigureCounts.Sum(groups),
            [
                ByReport(filter, byReport, reports),
                ByYear(filter, byReport, reports),
                ByAddressee(filter, groups),
                ByUnit(filter, byReport, assignments),
                ByFocalPoint(filter, byReport, assignments),
            ]);
        return new DashboardFigures(view, groups.Min(g => g.FirstRecentChange));
    }

    private async Task<IReadOnlyList<int>> NeedingAttentionIdsAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var rows = await filtered.Query(filter, Figure.All, userId).Where(definitions.AnyOf(AttentionReasons))
            .Select(f => new { f.Id, f.ReportYear, f.ReportSymbol, f.Number })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(f => f.ReportYear).ThenBy(f => f.ReportSymbol, StringComparer.Ordinal).ThenBy(f => f.Number).Select(f => f.Id)];
    }

    private static Breakdown ByReport(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<ReportInfo> reports) =>
        Limited("Per report", "Report", reports.Count, reports.Take(MaxBreakdownRows).Select(report => Row(
            report.Symbol, filter.With(report: report.Symbol), byReport[report.Id], report.Title)),
            null, "the latest reports first; choose years or a report above to see others");

    private static Breakdown ByYear(RecommendationFilter filter, ILookup<int, FigureGroup> byReport, List<ReportInfo> reports) =>
        new("Per report year", "Year", [.. reports.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(year => Row(
            year.Key.ToString(CultureInfo.InvariantCulture), filter.With(year: year.Key), year.SelectMany(r => byReport[r.Id])))]);

    private static Breakdown ByAddressee(RecommendationFilter filter, List<FigureGroup> groups)
    {
        var byAddressee = groups.ToLookup(g => g.Addressee);
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
                $"{person.Key.Name} ({person.Key.Unit})", filter.With(focalPoint: person.Key.FocalPointId), person.SelectMany(id => byReport[id]))),
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

    private sealed record ReportInfo(int Id, string Symbol, string Title, int Year);

    private sealed record Assignment(int ReportId, int FocalPointId, string Name, string Unit);

    private sealed record AttentionList(IReadOnlyList<int> Ids, DashboardFigures Figures);
}

/// <param name="Breakdowns">Per report, per year, per addressee, per unit, per focal point, in that order.</param>
public sealed record DashboardView(FigureCounts Totals, IReadOnlyList<Breakdown> Breakdowns)
{
    /// <summary>Names this counting: the page keeps its rendered breakdowns under it, as long as these figures are kept.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public Breakdown ByReport => Breakdowns[0];

    public Breakdown ByYear => Breakdowns[1];
}

/// <summary>What the dashboard pages need from every recommendation of a filter, counted once.</summary>
/// <param name="FirstRecentChange">The oldest latest change that was still recent when counted: once it is no longer
/// recent, "no recent update" would count differently.</param>
public sealed record DashboardFigures(DashboardView View, DateTimeOffset? FirstRecentChange)
{
    public bool StillExactAt(DateTimeOffset staleBefore) => FirstRecentChange is not { } first || first >= staleBefore;
}
