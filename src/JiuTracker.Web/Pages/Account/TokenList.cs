using JiuTracker.Web.Api;

namespace JiuTracker.Web.Pages.Account;

/// <summary>What the token list shows: an account's tokens, and the page whose Revoke handler revokes them.</summary>
/// <param name="RevokePage">The owner's page (<c>/Account/Tokens</c>) or an administrator's (<c>/Admin/Accounts/Tokens</c>, with the account's id).</param>
public sealed record TokenList(IReadOnlyList<ApiToken> Tokens, DateTimeOffset Now, string RevokePage, string? AccountId);
