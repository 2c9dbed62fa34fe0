using JiuTracker.Web.Data;

namespace JiuTracker.Web.Caching;

/// <summary>
/// What a request reads, kept in <see cref="ReadCache"/> with the <see cref="DataVersion"/> it was read at and read
/// again only once the data has changed, so a page shown again while nothing changed sends no query (decision 018).
/// </summary>
public sealed class KeptReads(JiuDbContext db, LatestDataVersion latest, ReadCache cache)
{
    private DataVersion? _version;

    public async Task<DataVersion> VersionAsync(CancellationToken ct) => _version ??= await latest.ReadAsync(db, ct);

    /// <param name="key">Names what is read, with every input it depends on (the page's parameters, the day for what
    /// depends on the clock); different pages must not share a key.</param>
    /// <param name="items">How many items (rows, ids) a value holds, for the cache's size limit.</param>
    public async Task<KeptRead<T>> GetOrReadAsync<T>(string key, Func<Task<T>> read, Func<T, int> items, CancellationToken ct)
        where T : class =>
        await GetOrLoadAsync<KeptRead<T>>(key, async _ => new KeptRead<T>(await read()), _ => true, kept => items(kept.Value), ct);

    /// <summary>As <see cref="ReadCache.GetOrLoadAsync"/> at this request's version: for what can be caught up from
    /// an earlier version or stops being exact with the clock (the dashboard's figures).</summary>
    public async Task<T> GetOrLoadAsync<T>(
        string key, Func<ReadCache.Kept<T>?, Task<T>> load, Func<T, bool> stillExact, Func<T, int> items, CancellationToken ct)
        where T : class =>
        await cache.GetOrLoadAsync(await VersionAsync(ct), key, load, stillExact, items);

    /// <summary>A value as read at one data version.</summary>
    public sealed class KeptRead<T>(T value)
    {
        public T Value { get; } = value;

        /// <summary>Names this reading: a page keeps its rendered HTML under it (the cache tag helper's vary-by), so it is
        /// rendered again exactly when the value is read again.</summary>
        public string Id { get; } = Guid.NewGuid().ToString("N");
    }
}
