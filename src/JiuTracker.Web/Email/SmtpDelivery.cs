using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JiuTracker.Web.Email;

/// <summary>
/// Opens sessions on the configured SMTP server (<see cref="EmailOptions"/>). What goes wrong (refused connection,
/// rejected login, a server's error reply) is thrown as MailKit reports it and not sorted here: the caller keeps the
/// message and tries again later.
/// </summary>
public sealed class SmtpDelivery(IOptions<EmailOptions> options)
{
    /// <summary>How long connecting, and each exchange after it, may take before the attempt is given up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly EmailOptions _options = options.Value;

    /// <summary>Connects, secures and, when a user name is set, authenticates; throws when e-mail is not configured.</summary>
    public async Task<ISmtpSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var missing = _options.MissingSettings();
        if (missing.Count > 0 || _options.Smtp.Host is not { } host || _options.From is not { } from)
        {
            throw new InvalidOperationException($"E-mail is not configured: set {string.Join(" and ", missing)}.");
        }

        var smtp = _options.Smtp;
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return new MailKitSmtpSession(client, new MailboxAddress(_options.FromName, from));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Not a way to secure an SMTP connection."),
    };
}
