using System.Security.Claims;
using Microsoft.AspNetCore.Localization;

namespace JiuTracker.Web.Localization;

/// <summary>
/// The language an account chose, kept as one of its claims (Identity's user claims), so it is in the sign-in cookie
/// and every sign-in — with a password or through the identity provider — brings it back (decision 044).
/// </summary>
public sealed class AccountLanguageProvider : RequestCultureProvider
{
    public const string ClaimType = "jiutracker:language";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var chosen = httpContext.User.FindFirstValue(ClaimType);
        return Task.FromResult(Languages.Find(chosen) is { } language ? new ProviderCultureResult(language.Code) : null);
    }
}
