using JiuTracker.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace JiuTracker.Web.Pages;

/// <summary>
/// The language menu's target: the six languages to choose from (the menu in every page's header posts here), the choice
/// kept in a cookie and, for someone signed in, with their account (decision 044).
/// </summary>
public class LanguageModel(LanguageChoice choice, TimeProvider time, IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Culture { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Languages.Find(Culture) is not { } language)
        {
            ModelState.AddModelError(nameof(Culture), text["Language.Unknown", string.Join(", ", Languages.All.Select(l => l.Code))]);
            return Page();
        }

        await choice.ChooseAsync(HttpContext, language, User.Identity?.IsAuthenticated == true ? this.Stamp(time) : null);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
    }
}
