using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace JiuTracker.Web.Api;

/// <summary>
/// The principal each token was last checked with, kept by the token's SHA-256 (never its text), with the data
/// version's saves beyond history at that check. A request may use it while that count is unchanged (every account and
/// token change is such a save: roles, disabling, lockout, revocation) and for at most <c>Security:AccountCheckSeconds</c>,
/// the rule the pages' sessions follow (decision 022); the token's expiry is checked at every request.
/// </summary>
public sealed class KeptApiPrincipals : IDisposable
{
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <param name="LastUseNoted">When the token's last use was last written (decision 041: at most once a minute).</param>
    public sealed record Entry(ApiToken Token, ClaimsPrincipal Principal, long SavesBeyondHistory, DateTimeOffset CheckedAt, DateTimeOffset LastUseNoted);

    public Entry? Find(string hash, long savesBeyondHistory, DateTimeOffset now, TimeSpan checkEvery) =>
        _kept.TryGetValue(hash, out Entry? entry) && entry is not null
            && entry.SavesBeyondHistory == savesBeyondHistory && now - entry.CheckedAt < checkEvery && entry.Token.IsValidAt(now)
            ? entry
            : null;

    public void Keep(string hash, Entry entry, TimeSpan checkEvery) =>
        _kept.Set(hash, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = entry.CheckedAt + checkEvery });

    public void Dispose() => _kept.Dispose();
}
