using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// Keeps what the dashboard pages count (figures, the needs-attention list, the filter's choices) until the data
/// changes, so a request does not count again. The data's version is the highest id of the history, the
/// administration audit, the recommendations and the reports: every change to a recommendation writes history, every
/// administrative change writes the audit (decisions 001 and 010), and new rows raise the ids, also when another
/// process (an import) writes them. Figures that depend on the clock stay exact too: an entry is only used on the day
/// it was counted and while no recommendation has crossed the "no recent update" line since (decision 015).
/// </summary>
public sealed class FiguresCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 300 });

    /// <param name="version">The data's version, read once per request with <see cref="VersionAsync"/>.</param>
    /// <param name="stillExact">False when the kept value no longer holds at this moment (and is counted again).</param>
    public async Task<T> GetOrLoadAsync<T>(string version, string key, Func<Task<T>> load, Func<T, bool> stillExact)
        where T : class
    {
        var versionedKey = $"{version}|{key}";
        if (_cache.TryGetValue(versionedKey, out T? kept) && stillExact(kept!))
        {
            return kept!;
        }

        var loaded = await load();
        _cache.Set(versionedKey, loaded, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return loaded;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// The highest id of each table a change writes to: four index look-ups in one command. Counting the rows as well
    /// would also catch PostgreSQL transactions that commit their ids out of order, but costs a scan of the history on
    /// every request (decision 013 says what that leaves open).
    /// </summary>
    public static async Task<string> VersionAsync(JiuDbContext db, CancellationToken ct)
    {
        string HighestId<TEntity>() => $"(SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{db.Model.FindEntityType(typeof(TEntity))!.GetTableName()}\")";
        var highest = string.Join(" || '.' || ", HighestId<HistoryEntry>(), HighestId<AdminAuditEntry>(), HighestId<Recommendation>(), HighestId<Report>());
        // Table names from the model, no input: nothing to inject.
        var sql = $"SELECT {highest} AS \"Value\"";
        var versions = await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
        return versions.Single();
    }
}
