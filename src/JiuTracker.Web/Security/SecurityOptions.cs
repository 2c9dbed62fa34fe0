namespace JiuTracker.Web.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>A session with no request for this long ends; each request extends it.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Sign-in attempts (POSTs) allowed per client address per minute; more get 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// How often a session's account is checked again (disabled, roles changed): each check costs several queries,
    /// so it is done at most this often per session rather than on every request.
    /// </summary>
    public int AccountCheckSeconds { get; set; } = 60;
}
