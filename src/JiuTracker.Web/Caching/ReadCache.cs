using Microsoft.Extensions.Caching.Memory;

namespace JiuTracker.Web.Caching;

/// <summary>
/// Keeps what the dashboard pages count (figures, the needs-attention list, the filter's choices), and what other
/// pages read (through <see cref="KeptReads"/>, decision 018), with the <see cref="DataVersion"/> it was read at, so a
/// request does not read again while the data is unchanged, and a change can be caught up from what was kept. Figures
/// that depend on the clock stay exact too: an entry is only used on the day it was counted and while no
/// recommendation has crossed the "no recent update" line since (decision 015).
/// </summary>
public sealed class ReadCache : IDisposable
{
    /// <summary>What is kept is sized in thousands of items (groups, ids): at most about a million, a few tens of megabytes.</summary>
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1000 });

    /// <param name="load">Counts at <paramref name="version"/>; given what was kept for the key at an earlier version
    /// (still exact at this moment) when there is one, to catch up from.</param>
    /// <param name="stillExact">False when a kept value no longer holds at this moment (and is counted again).</param>
    /// <param name="items">How many items (groups, ids, choices) a value holds, for the cache's size limit.</param>
    public async Task<T> GetOrLoadAsync<T>(DataVersion version, string key, Func<Kept<T>?, Task<T>> load, Func<T, bool> stillExact, Func<T, int> items)
        where T : class
    {
        var kept = _cache.TryGetValue(key, out Kept<T>? found) && stillExact(found!.Value) ? found : null;
        if (kept is not null && kept.Version == version)
        {
            return kept.Value;
        }

        var loaded = await load(kept);
        _cache.Set(key, new Kept<T>(version, loaded), new MemoryCacheEntryOptions { Size = 1 + (items(loaded) / 1000), SlidingExpiration = TimeSpan.FromMinutes(30) });
        return loaded;
    }

    public void Dispose() => _cache.Dispose();

    public sealed record Kept<T>(DataVersion Version, T Value);
}
