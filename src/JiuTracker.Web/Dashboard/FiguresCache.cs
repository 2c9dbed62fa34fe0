using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// Keeps the dashboard's figures for a filter until the data changes, so a dashboard request does not read every
/// recommendation. The data's version is the highest id and the row count of the history, the administration audit,
/// the recommendations and the reports: every change to a recommendation writes history, every administrative change
/// writes the audit (decisions 001 and 010), and new rows raise the ids, also when another process (an import) writes
/// them. Figures that depend on the clock stay exact too: an entry is only used on the day it was counted and while
/// no recommendation has crossed the "no recent update" line since (decision 015).
/// </summary>
public sealed class FiguresCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200 });

    public async Task<DashboardFigures> GetOrLoadAsync(
        JiuDbContext db, FigureDefinitions definitions, string filterKey, Func<Task<DashboardFigures>> load, CancellationToken ct)
    {
        var key = $"{await VersionAsync(db, ct)}|{definitions.Today:yyyy-MM-dd}|{filterKey}";
        if (_cache.TryGetValue(key, out DashboardFigures? cached) && cached!.StillExactAt(definitions.StaleBefore))
        {
            return cached;
        }

        var figures = await load();
        _cache.Set(key, figures, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return figures;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// The highest id and the number of rows of each table a change writes to. The count matters on PostgreSQL, where
    /// two transactions can commit their ids out of order: the one with the lower id, committed last, leaves the highest
    /// id as it was but adds a row. History and the audit are append-only, so a row count never repeats for new data.
    /// </summary>
    private static async Task<string> VersionAsync(JiuDbContext db, CancellationToken ct)
    {
        var history = await db.History.GroupBy(_ => 1).Select(g => new { Max = g.Max(h => h.Id), Count = g.Count() }).SingleOrDefaultAsync(ct);
        var audit = await db.AdminAudit.GroupBy(_ => 1).Select(g => new { Max = g.Max(a => a.Id), Count = g.Count() }).SingleOrDefaultAsync(ct);
        var recommendations = await db.Recommendations.GroupBy(_ => 1).Select(g => new { Max = g.Max(r => r.Id), Count = g.Count() }).SingleOrDefaultAsync(ct);
        var reports = await db.Reports.GroupBy(_ => 1).Select(g => new { Max = g.Max(r => r.Id), Count = g.Count() }).SingleOrDefaultAsync(ct);
        return $"{history}.{audit}.{recommendations}.{reports}";
    }
}
