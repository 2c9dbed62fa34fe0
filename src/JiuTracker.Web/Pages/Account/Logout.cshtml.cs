using JiuTracker.Web.Security.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Account;

public class LogoutModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A session made by single sign-on carries the provider's ID token: the provider's session ends too, where it offers that.
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var idToken = session.Properties?.Items.TryGetValue(SingleSignOnSetup.IdTokenItem, out var token) == true ? token : null;

        // A new security stamp ends the session on the server: a copy of its cookie is refused at its next request.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        if (!string.IsNullOrEmpty(idToken) && await SingleSignOnSetup.OffersEndSessionAsync(HttpContext))
        {
            var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/Login") };
            properties.Items[SingleSignOnSetup.IdTokenItem] = idToken;
            return SignOut(properties, SingleSignOnOptions.Scheme);
        }

        return RedirectToPage("/Account/Login");
    }
}
