namespace JiuTracker.Web.Email;

/// <summary>How the connection to the SMTP server is protected; <see cref="StartTls"/> by default.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text throughout, even where the server offers STARTTLS: only for a relay on the same host or network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (port 587 or 25); a server that does not offer it is refused, never used in the clear.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
