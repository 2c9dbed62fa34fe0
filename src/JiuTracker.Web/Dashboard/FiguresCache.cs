using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// Keeps the dashboard's figures for a filter until the data changes, so a dashboard request does not read every
/// recommendation. The data's version is the highest id of the history, the administration audit, the
/// recommendations and the reports: every change to a recommendation writes history, every administrative change
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
    /// The highest id of each table a change writes to: four index look-ups. Counting the rows as well would also catch
    /// PostgreSQL transactions that commit their ids out of order, but costs a scan of the history on every request
    /// (decision 013 says what that leaves open).
    /// </summary>
    private static async Task<string> VersionAsync(JiuDbContext db, CancellationToken ct)
    {
        var history = await db.History.MaxAsync(h => (long?)h.Id, ct);
        var audit = await db.AdminAudit.MaxAsync(a => (long?)a.Id, ct);
        var recommendations = await db.Recommendations.MaxAsync(r => (int?)r.Id, ct);
        var reports = await db.Reports.MaxAsync(r => (int?)r.Id, ct);
        return $"{history}.{audit}.{recommendations}.{reports}";
    }
}
