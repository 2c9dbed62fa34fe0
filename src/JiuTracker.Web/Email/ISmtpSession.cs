namespace JiuTracker.Web.Email;

/// <summary>
/// An open, authenticated connection to the SMTP server, so that a batch of messages costs one connection; disposing it
/// says goodbye to the server.
/// </summary>
public interface ISmtpSession : IAsyncDisposable
{
    /// <summary>Hands one message to the server; a refusal or a broken connection is thrown as MailKit reports it.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
