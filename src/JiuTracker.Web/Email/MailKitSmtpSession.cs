using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace JiuTracker.Web.Email;

/// <summary>A session over one connected MailKit <see cref="SmtpClient"/>, which it owns.</summary>
internal sealed class MailKitSmtpSession(SmtpClient client, MailboxAddress sender) : ISmtpSession
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        await client.SendAsync(MimeMessages.From(email, sender), cancellationToken);
    }

    /// <summary>
    /// Says QUIT when the connection still stands; a connection already broken is only closed, since what broke it has
    /// been thrown by <see cref="SendAsync"/> already and disposing must not hide it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ProtocolException or CommandException)
        {
            // The server is gone or answered QUIT badly: nothing is left to say to it.
        }
        finally
        {
            client.Dispose();
        }
    }
}
