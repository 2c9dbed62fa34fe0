using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using JiuTracker.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Account;

/// <summary>
/// The signed-in person's personal access tokens for the API: create one (its text shown once, on the answer to the
/// form), see each one's scope, expiry and last use, revoke one (decision 041).
/// </summary>
public class TokensModel(ApiTokens tokens, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The text of the token just created: on this answer only, never stored.</summary>
    public string? Created { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public TokenList List => new(Tokens, time.GetUtcNow(), "/Account/Tokens", null);

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.OfAsync(UserId, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (text, problems) = await tokens.CreateAsync(UserId, Input.Name, Input.Scope, Input.Days ?? ApiTokens.DefaultDays, this.Stamp(time), ct);
            foreach (var problem in problems)
            {
                ModelState.AddModelError("", problem);
            }

            Created = text;
        }

        Tokens = await tokens.OfAsync(UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        var refused = await tokens.RevokeAsync(tokenId, UserId, User.Identity!.Name!, this.Stamp(time), ct);
        if (refused is not null)
        {
            ModelState.AddModelError("", refused);
            Tokens = await tokens.OfAsync(UserId, ct);
            return Page();
        }

        Done = "The token was revoked: requests with it are refused from now on.";
        return RedirectToPage();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public sealed class InputModel
    {
        [Display(Name = "Name")]
        [StringLength(ApiToken.MaxNameLength)]
        public string? Name { get; set; }

        [Display(Name = "Scope")]
        public ApiTokenScope Scope { get; set; } = ApiTokenScope.Read;

        [Display(Name = "Valid for (days)")]
        [Range(1, ApiTokens.MaxDays)]
        public int? Days { get; set; } = ApiTokens.DefaultDays;
    }
}
