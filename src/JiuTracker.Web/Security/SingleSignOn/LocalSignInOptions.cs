namespace JiuTracker.Web.Security.SingleSignOn;

/// <summary>
/// Whether accounts sign in with a password (<c>Authentication:LocalAccounts</c>). With single sign-on the passwords
/// can be turned off, all but the break-glass administrator's (decision 042).
/// </summary>
public sealed class LocalSignInOptions
{
    public const string Section = "Authentication";

    public bool LocalAccounts { get; set; } = true;

    /// <summary>
    /// The e-mail of the one administrator account that still signs in with a password when <see cref="LocalAccounts"/>
    /// is false: the way in when the provider is down or wrongly set up.
    /// </summary>
    public string? BreakGlassAccount { get; set; }

    /// <summary>Whether this e-mail address may sign in with a password.</summary>
    public bool AllowsPassword(string email) =>
        LocalAccounts || (!string.IsNullOrWhiteSpace(BreakGlassAccount) && string.Equals(BreakGlassAccount.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Passwords off needs a way in: single sign-on.</summary>
    public string? Problem(SingleSignOnOptions singleSignOn)
    {
        ArgumentNullException.ThrowIfNull(singleSignOn);
        return LocalAccounts || singleSignOn.IsEnabled
            ? null
            : $"`{Section}:LocalAccounts` is false but single sign-on is not set up (`{SingleSignOnOptions.Section}:Authority`): nobody could sign in. Set the provider, or leave passwords on.";
    }
}
