using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace JiuTracker.Web.Security;

/// <summary>
/// A disabled account is an Identity lockout that never ends (see docs/decisions/010). Stored times lose sub-millisecond
/// precision, so "disabled" is any lockout ending in the year 9999. Any earlier lockout still running is the one after
/// too many failed sign-ins (decision 038).
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

    /// <summary>Locked after too many failed sign-ins, and not yet free again at <paramref name="now"/>; a disabled account is not.</summary>
    public static bool IsLockedAfterFailedSignIns(DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        lockoutEnd is { } end && !IsDisabled(end) && end >= now;

    /// <summary>The account's state as the accounts list says it: disabled, locked until when, or enabled.</summary>
    public static string InWords(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd switch
    {
        _ when IsDisabled(lockoutEnd) => "Disabled",
        { } end when IsLockedAfterFailedSignIns(end, now) => $"Locked after failed sign-ins until {UntilInWords(end)}",
        _ => "Enabled",
    };

    /// <summary>"2026-12-04 19:45 UTC", rounded up to the minute, so the account is free again at the time said.</summary>
    public static string UntilInWords(DateTimeOffset end)
    {
        var minutes = (end.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;
        return new DateTime(minutes * TimeSpan.TicksPerMinute, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
    }
}
