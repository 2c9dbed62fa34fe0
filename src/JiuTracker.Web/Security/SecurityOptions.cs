namespace JiuTracker.Web.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>A session with no request for this long ends; each request extends it.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Sign-in attempts (POSTs) allowed per client address per minute; more get 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts allowed per e-mail address posted (existing or not) per minute, from all addresses together.</summary>
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>
    /// The longest a session goes without its account being checked again. A session is checked at its next request
    /// anyway once an account change is saved (sign-out, password reset, disabled, roles); each check costs several
    /// queries, so between changes it is done at most this often per session (decision 022).
    /// </summary>
    public int AccountCheckSeconds { get; set; } = 60;
}
