using JiuTracker.Web.Domain;
using JiuTracker.Web.Settings;

namespace JiuTracker.Web.Email;

/// <summary>An outbox message's state in words, the same on Outgoing mail and on the recipient's account page.</summary>
public static class OutboxStates
{
    public static string Describe(OutboxMessage message, OrganizationTime time) => message.State switch
    {
        OutboxState.Sent => $"Sent {time.Text(message.SentAt!.Value)}",
        OutboxState.GivenUp => $"Given up: {message.LastError}",
        _ when message.LastError is not null => $"Waiting; next attempt {time.Text(message.NextAttemptAt)} (last error: {message.LastError})",
        _ => "Waiting to be sent",
    };
}
