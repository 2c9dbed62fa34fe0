using System.Security.Claims;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace JiuTracker.Web.Localization;

/// <summary>
/// Records a language chosen from the menu: in a cookie for this browser, and — when someone is signed in — with their
/// account (a claim and an audit entry, saved together), so the next sign-in anywhere brings it back (decision 044).
/// </summary>
public sealed class LanguageChoice(JiuDbContext db, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
{
    public async Task ChooseAsync(HttpContext http, Language language, ChangeStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(language);
        http.Response.Cookies.Append(
            LanguageServiceCollectionExtensions.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Code)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });

        if (stamp is not { } by || await users.GetUserAsync(http.User) is not { } user)
        {
            return;
        }

        var claims = await users.GetClaimsAsync(user);
        var kept = claims.FirstOrDefault(c => c.Type == AccountLanguageProvider.ClaimType);
        if (kept?.Value == language.Code)
        {
            return;
        }

        db.RecordAdminChange(by, AdminAction.LanguageChosen, user.Email ?? user.UserName ?? user.Id, AdminAuditLog.Change("Language", kept?.Value, language.Code));
        var chosen = new Claim(AccountLanguageProvider.ClaimType, language.Code);
        // Identity's store saves the claim and the audit entry in one SaveChangesAsync.
        var result = kept is null ? await users.AddClaimAsync(user, chosen) : await users.ReplaceClaimAsync(user, kept, chosen);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The language could not be kept with the account: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await signIn.RefreshSignInAsync(user);
    }
}
