using System.Security.Cryptography;
using System.Text;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Api;

/// <summary>Creates, lists and revokes personal access tokens, and finds the token a request presents (decision 041).</summary>
public sealed class ApiTokens(JiuDbContext db, TimeProvider time)
{
    public const int MaxDays = 366;

    public const int DefaultDays = 90;

    /// <summary>Creates a token for <paramref name="userId"/>; its text is in the result, and nowhere else ever again.</summary>
    /// <returns>The token's text, or the problems with the request (nothing is stored then).</returns>
    public async Task<(string? Text, IReadOnlyList<string> Problems)> CreateAsync(
        string userId, string? name, ApiTokenScope scope, int days, ChangeStamp stamp, CancellationToken ct)
    {
        var problems = new List<string>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            problems.Add("Name: give the token a name, to tell it from your others (for example the script that uses it).");
        }
        else if (trimmed.Length > ApiToken.MaxNameLength)
        {
            problems.Add($"Name: at most {ApiToken.MaxNameLength} characters.");
        }

        if (!Enum.IsDefined(scope))
        {
            problems.Add("Scope: choose reading only, or reading and recording statuses.");
        }

        if (days is < 1 or > MaxDays)
        {
            problems.Add($"Valid for: between 1 and {MaxDays} days.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var text = ApiToken.Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(userId, trimmed, scope, HashOf(text), text[..8], stamp.At, stamp.At.AddDays(days));
        db.ApiTokens.Add(token);
        db.RecordAdminChange(stamp, AdminAction.ApiTokenCreated, stamp.By,
            $"API token \"{trimmed}\" ({token.Start}…), {ScopeInWords(scope)}, valid until {token.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
        await db.SaveChangesAsync(ct);
        return (text, []);
    }

    public Task<List<ApiToken>> OfAsync(string userId, CancellationToken ct) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(ct);

    /// <summary>Revokes one of <paramref name="ownerId"/>'s tokens; null when done, else why not.</summary>
    public async Task<string?> RevokeAsync(int tokenId, string ownerId, string ownerEmail, ChangeStamp stamp, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == ownerId, ct);
        if (token is null)
        {
            return "There is no such token on this account.";
        }

        if (token.RevokedAt is not null)
        {
            return $"The token \"{token.Name}\" was already revoked.";
        }

        token.Revoke(stamp.By, stamp.At);
        db.RecordAdminChange(stamp, AdminAction.ApiTokenRevoked, ownerEmail, $"API token \"{token.Name}\" ({token.Start}…) revoked by {stamp.By}.");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The valid token with this text, or null; its last use is noted, to the minute.</summary>
    public async Task<ApiToken?> FindValidAsync(string text, CancellationToken ct)
    {
        if (!IsTokenText(text))
        {
            return null;
        }

        var hash = HashOf(text);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, ct);
        var now = time.GetUtcNow();
        if (token is null || !token.IsValidAt(now))
        {
            return null;
        }

        // The last use is a note for the owner, not data any page keeps: written beside the unit of work, so it does not
        // raise the data version and empty every kept page on each API request (decision 041). Once a minute at most.
        if (token.LastUsedAt is not { } last || now - last >= LastUseEvery)
        {
            await NoteUseAsync(token.Id, now, ct);
        }

        return token;
    }

    /// <summary>How often a token's last use is written at most.</summary>
    public static readonly TimeSpan LastUseEvery = TimeSpan.FromMinutes(1);

    /// <summary>Notes the token's last use beside the unit of work (see <see cref="FindValidAsync"/>).</summary>
    public Task NoteUseAsync(int tokenId, DateTimeOffset now, CancellationToken ct) =>
        db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);

    public static bool IsTokenText(string text) => text.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) && text.Length <= 100;

    public static string ScopeInWords(ApiTokenScope scope) => scope == ApiTokenScope.ReadWrite
        ? "reads and records statuses and comments"
        : "reads only";

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
