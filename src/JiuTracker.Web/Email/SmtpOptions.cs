namespace JiuTracker.Web.Email;

/// <summary>The SMTP server the app hands its e-mail to (section <c>Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const int LowestPort = 1;
    public const int HighestPort = 65535;

    /// <summary>None by default: without a host the app sends no e-mail.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The app authenticates only when this is set; many internal relays accept mail by address alone.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
