using JiuTracker.Web.Api;
using JiuTracker.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Admin.Accounts;

/// <summary>An account's personal access tokens, for an administrator to revoke any of them (decision 041).</summary>
public class TokensModel(ApiTokens tokens, UserManager<IdentityUser> users, TimeProvider time) : PageModel
{
    public IdentityUser Account { get; private set; } = null!;

    public TokenList List { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(string id, int tokenId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var refused = await tokens.RevokeAsync(tokenId, Account.Id, Account.Email!, this.Stamp(time), ct);
        if (refused is not null)
        {
            ModelState.AddModelError("", refused);
            return Page();
        }

        Done = "The token was revoked: requests with it are refused from now on.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return false;
        }

        Account = account;
        List = new TokenList(await tokens.OfAsync(account.Id, ct), time.GetUtcNow(), "/Admin/Accounts/Tokens", account.Id);
        return true;
    }
}
