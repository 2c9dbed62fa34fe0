using System.Security.Claims;
using System.Text.Encodings.Web;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Data;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Api;

/// <summary>
/// <c>Authorization: Bearer jt_…</c>: the API's only way in (no cookies, so no cross-site requests). The principal is
/// the token owner's account as it is now — its roles, and refused when it is disabled or locked out — with the
/// token's scope (decision 041).
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, UserManager<IdentityUser> users, IUserClaimsPrincipalFactory<IdentityUser> principals,
    KeptApiPrincipals kept, LatestDataVersion latest, JiuDbContext db, IOptions<SecurityOptions> security, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The token's scope, on the principal of an API request.</summary>
    public const string ScopeClaim = "jiutracker:api-scope";

    /// <summary>The token's id, for the rate limit per token.</summary>
    public const string TokenClaim = "jiutracker:api-token";

    /// <summary>The token in words, for the source of the history entries its writes leave ("API token jt_AbC12… \"name\"").</summary>
    public const string SourceClaim = "jiutracker:api-source";

    /// <summary>Whether the request is an API request with a valid token (the result is kept for the request's authorization).</summary>
    public static async Task<bool> SignsInAsync(HttpContext http) =>
        http.Request.Path.StartsWithSegments(ApiEndpoints.Root, StringComparison.Ordinal) && (await http.AuthenticateAsync(SchemeName)).Succeeded;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be \"Bearer\" and a personal access token.");
        }

        var text = header["Bearer ".Length..].Trim();
        if (!ApiTokens.IsTokenText(text))
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        // As for the pages' sessions (decision 022): the account is checked again once an account or token change was
        // saved since the last check, read before it (a change in between makes the next request check), or after
        // Security:AccountCheckSeconds; meanwhile a request costs no account query.
        var ct = Context.RequestAborted;
        var (hash, now) = (ApiTokens.HashOf(text), time.GetUtcNow());
        var checkEvery = TimeSpan.FromSeconds(security.Value.AccountCheckSeconds);
        var version = (await latest.ReadAsync(db, ct)).SavesBeyondHistory;
        if (kept.Find(hash, version, now, checkEvery) is { } entry)
        {
            if (now - entry.LastUseNoted >= ApiTokens.LastUseEvery)
            {
                await tokens.NoteUseAsync(entry.Token.Id, now, ct);
                kept.Keep(hash, entry with { LastUseNoted = now }, checkEvery);
            }

            return AuthenticateResult.Success(new AuthenticationTicket(entry.Principal, SchemeName));
        }

        var token = await tokens.FindValidAsync(text, ct);
        if (token is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || AccountStatus.IsDisabled(user) || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's account is disabled or locked.");
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ScopeClaim, token.Scope.ToString()));
        identity.AddClaim(new Claim(TokenClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(SourceClaim, token.HistorySource));
        var checkedPrincipal = new ClaimsPrincipal(identity);
        var noted = token.LastUsedAt is { } last && now - last < ApiTokens.LastUseEvery ? last : now;
        kept.Keep(hash, new KeptApiPrincipals.Entry(token, checkedPrincipal, version, now, noted), checkEvery);
        return AuthenticateResult.Success(new AuthenticationTicket(checkedPrincipal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            failure ?? "Send a personal access token (created on your account page) as \"Authorization: Bearer <token>\".");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", ReadsOnlyButMustWrite()
            ? "This token may only read: recording statuses and comments needs a token with the read-write scope (create one on your account page)."
            : "The token's account may not do this.");

    private bool ReadsOnlyButMustWrite() =>
        Context.User.FindFirst(ScopeClaim)?.Value != nameof(ApiTokenScope.ReadWrite)
        && Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ApiServiceCollectionExtensions.WritePolicy) == true;
}
