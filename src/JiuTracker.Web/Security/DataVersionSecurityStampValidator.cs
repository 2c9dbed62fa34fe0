using System.Globalization;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Security;

/// <summary>
/// Checks a session's security stamp again as soon as the data version says that something beyond history changed since
/// the session's last check (every account change is such a save: sign-out, password reset, disabling, roles), and
/// otherwise at most every <see cref="SecurityOptions.AccountCheckSeconds"/> (decision 022). The cookie carries the
/// version and the time of its last check; while the version is unchanged a request costs no account query.
/// </summary>
public sealed class DataVersionSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<IdentityUser> signInManager,
    ILoggerFactory logger,
    LatestDataVersion latest,
    JiuDbContext db)
    : SecurityStampValidator<IdentityUser>(options, signInManager, logger)
{
    /// <summary>The data version's <see cref="DataVersion.SavesBeyondHistory"/> when the session was last checked.</summary>
    public const string CheckedAtVersion = "jiu.checked-version";

    /// <summary>When the session was last checked (round-trip format).</summary>
    public const string CheckedAt = "jiu.checked-at";

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Read before the stamp: a change committed in between is seen by this check or makes the next one run.
        var version = (await latest.ReadAsync(db, context.HttpContext.RequestAborted)).SavesBeyondHistory;
        var now = TimeProvider.GetUtcNow();
        if (IsCurrent(context.Properties, version, now))
        {
            return;
        }

        var user = await VerifySecurityStamp(context.Principal);
        if (user is null)
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }

        await SecurityStampVerified(user, context);
        Record(context.Properties, version, now);
    }

    /// <summary>
    /// Called by a sign-in before it loads the account: the session it starts counts as checked at the version read
    /// here (a change after this read raises the version), so its first requests cost no account query either.
    /// </summary>
    public static async Task NoteVersionBeforeSignInAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var version = await services.GetRequiredService<LatestDataVersion>().ReadAsync(services.GetRequiredService<JiuDbContext>(), http.RequestAborted);
        http.Items[CheckedAtVersion] = version.SavesBeyondHistory;
    }

    /// <summary>The cookie's <c>OnSigningIn</c>: a session whose sign-in noted the version starts as checked.</summary>
    public static Task RecordAtSignInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Items[CheckedAtVersion] is long version)
        {
            var time = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.TimeProvider ?? TimeProvider.System;
            Record(context.Properties, version, time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    private static void Record(AuthenticationProperties properties, long version, DateTimeOffset now)
    {
        properties.Items[CheckedAtVersion] = version.ToString(CultureInfo.InvariantCulture);
        properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
    }

    private bool IsCurrent(AuthenticationProperties properties, long version, DateTimeOffset now) =>
        properties.Items.TryGetValue(CheckedAtVersion, out var seen)
        && long.TryParse(seen, NumberStyles.None, CultureInfo.InvariantCulture, out var seenVersion)
        && seenVersion == version
        && properties.Items.TryGetValue(CheckedAt, out var at)
        && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
        && now - checkedAt <= Options.ValidationInterval;
}
