using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Api;

/// <summary>What a personal access token may do: read, or also record statuses and comments as its owner may.</summary>
public enum ApiTokenScope
{
    Read = 1,
    ReadWrite = 2,
}

/// <summary>
/// A personal access token for the API (decision 041): shown once when it is created, stored as the SHA-256 of its
/// text, valid until it expires or is revoked, and only for its owner's account as it stands at each request.
/// </summary>
public sealed class ApiToken
{
    /// <summary>A token's text starts with this, so it can be recognized (and found by secret scanners) in a file.</summary>
    public const string Prefix = "jt_";

    public const int MaxNameLength = 100;

    private ApiToken()
    {
    }

    public ApiToken(string userId, string name, ApiTokenScope scope, string hash, string start, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        UserId = userId;
        Name = name;
        Scope = scope;
        Hash = hash;
        Start = start;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public int Id { get; private set; }

    /// <summary>The owner's account (Identity user id).</summary>
    public string UserId { get; private set; } = "";

    /// <summary>What the owner called it, to tell their tokens apart ("Governing-body paper script").</summary>
    public string Name { get; private set; } = "";

    public ApiTokenScope Scope { get; private set; }

    /// <summary>The SHA-256 of the token's text, in lower-case hex: the text itself is never stored.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>The first characters of the text ("jt_AbC1"), shown in lists so the owner can tell which one it is.</summary>
    public string Start { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When a request last used it, to the minute (written apart from the data version, decision 041).</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    /// <summary>The source of the history entries its writes leave: the history reads "via API token jt_AbC12… \"name\"".</summary>
    public string HistorySource
    {
        get
        {
            var source = $"API token {Start}… \"{Name}\"";
            return source.Length <= ChangeStamp.MaxSourceLength ? source : source[..ChangeStamp.MaxSourceLength];
        }
    }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(string by, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainRuleException($"The token \"{Name}\" was already revoked.");
        }

        RevokedAt = at;
        RevokedBy = by;
    }
}
