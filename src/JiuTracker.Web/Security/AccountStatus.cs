using Microsoft.AspNetCore.Identity;

namespace JiuTracker.Web.Security;

/// <summary>
/// A disabled account is an Identity lockout that never ends (see docs/decisions/010). Stored times lose sub-millisecond
/// precision, so "disabled" is any lockout ending in the year 9999.
/// </summary>
public static class AccountStatus
{
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public const string DisabledMessage = "This account is disabled. Ask an administrator to re-enable it.";

    public static bool IsDisabled(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IsDisabled(user.LockoutEnd);
    }

    /// <summary>The same, for an account read as its lockout end only.</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: >= 9999 };
}
