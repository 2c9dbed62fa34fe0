using JiuTracker.Web.Caching;
using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The dashboard's numbers for one filter: the database counts every figure per report and addressee
/// (<see cref="FigureGroup"/>) with the same definitions that select the drill-down rows; totals and breakdowns are
/// sums of those groups (<see cref="CountedGroups"/>). A fixed number of queries, whatever the number of reports. What
/// is counted is kept (<see cref="KeptReads"/>); after a change to some recommendations only their reports' groups
/// are counted again (decision 015).
/// </summary>
public sealed class DashboardData(JiuDbContext db, FilteredRecommendations filtered, FigureDefinitions definitions, KeptReads reads)
{
    /// <summary>The figures a recommendation needs attention for, in the order the needs-attention list shows them.</summary>
    /// <summary>When more reports than this changed, counting everything again is as quick as catching up.</summary>
    private const int MostReportsCaughtUp = 500;

    public async Task<DashboardView> LoadAsync(RecommendationFilter filter, string? userId, CancellationToken ct) =>
        (await FiguresAsync(filter, userId, ct)).View;

    /// <param name="userId">The signed-in user, for <see cref="RecommendationFilter.Mine"/>.</param>
    public async Task<DashboardFigures> FiguresAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var version = await reads.VersionAsync(ct);
        return await reads.GetOrLoadAsync<DashboardFigures>($"figures|{definitions.Today:yyyy-MM-dd}|{filter.KeyFor(userId)}",
            async kept => (kept is null ? null : await CatchUpAsync(kept, version, filter, userId, ct)) ?? await CountAsync(filter, userId, ct),
            figures => figures.StillExactAt(definitions.StaleBefore), figures => figures.Counted.Groups.Count, ct);
    }

    /// <summary>The recommendations that need attention, in the needs-attention list's order, with the figures they were counted with.</summary>
    public async Task<AttentionList> NeedingAttentionAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var figures = await FiguresAsync(filter, userId, ct);
        return await reads.GetOrLoadAsync<AttentionList>($"attention|{definitions.Today:yyyy-MM-dd}|{filter.KeyFor(userId)}",
            async _ => new AttentionList(await NeedingAttentionIdsAsync(filter, userId, ct), figures),
            list => list.Figures.StillExactAt(definitions.StaleBefore), list => list.Ids.Count, ct);
    }

    /// <summary>The filter form's choices (years, reports, units), kept until the data changes.</summary>
    public async Task<KeptReads.KeptRead<FilterOptions>> OptionsAsync(CancellationToken ct) =>
        await reads.GetOrReadAsync("options", () => FilterOptions.LoadAsync(db, ct),
            options => options.ReportsPerYear.Count + options.Reports.Count + options.Units.Count, ct);

    private async Task<DashboardFigures> CountAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        await db.KeepOpenAsync(ct);
        var groups = await FigureGroup.Count(filtered.Query(filter, Figure.All, userId), definitions).ToListAsync(ct);
        // One parameter holding every id (a JSON array, or an array on PostgreSQL), not one parameter per id.
        var reportIds = groups.Select(g => g.ReportId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => EF.Parameter(reportIds).Contains(r.Id))
            .InListOrder()
            .Select(r => new CountedGroups.ReportInfo(r.Id, r.Symbol, r.Title, r.Year))
            .ToListAsync(ct);
        var assignments = await db.Reports.AsNoTracking()
            .Where(r => EF.Parameter(reportIds).Contains(r.Id))
            .SelectMany(r => r.FocalPoints, (r, f) => new CountedGroups.Assignment(r.Id, f.Id, f.Name, f.Unit))
            .ToListAsync(ct);
        return new CountedGroups(groups, reports, assignments).Summarize(filter);
    }

    /// <summary>
    /// The kept figures brought up to <paramref name="version"/> by counting again only the reports whose
    /// recommendations have history entries newer than the kept version; null when that cannot be exact, and
    /// everything is counted. Only on SQLite, which writes one transaction at a time, so a new history entry always has a
    /// higher id than every entry committed before it; on PostgreSQL an id can commit after a higher one (decision 013).
    /// </summary>
    private async Task<DashboardFigures?> CatchUpAsync(
        ReadCache.Kept<DashboardFigures> kept, DataVersion version, RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || !version.OnlyHistoryAddedSince(kept.Version))
        {
            return null;
        }

        var after = kept.Version.History;
        var changed = await db.History.Where(h => h.Id > after).Select(h => h.Recommendation.ReportId).Distinct()
            .Take(MostReportsCaughtUp + 1).ToListAsync(ct);
        if (changed.Count > MostReportsCaughtUp)
        {
            return null;
        }

        var recounted = await FigureGroup.Count(
            filtered.Query(filter, Figure.All, userId).Where(f => EF.Parameter(changed).Contains(f.ReportId)), definitions).ToListAsync(ct);
        return kept.Value.Counted.TryReplace(changed, recounted, out var caughtUp) ? caughtUp.Summarize(filter) : null;
    }

    private async Task<IReadOnlyList<int>> NeedingAttentionIdsAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        return await filtered.Query(filter, Figure.NeedsAttention, userId).InListOrder().Select(f => f.Id).ToListAsync(ct);
    }
}

/// <param name="Ids">The recommendations, in the needs-attention list's order.</param>
/// <param name="Figures">The figures the list was selected with; it is exact as long as they are.</param>
public sealed record AttentionList(IReadOnlyList<int> Ids, DashboardFigures Figures)
{
    /// <summary>Names this selection: the page keeps what it shows of the list under it.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");
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
/// <param name="Counted">What the view was summed from, to catch up from after a change.</param>
public sealed record DashboardFigures(DashboardView View, DateTimeOffset? FirstRecentChange, CountedGroups Counted)
{
    public bool StillExactAt(DateTimeOffset staleBefore) => FirstRecentChange is not { } first || first >= staleBefore;
}
