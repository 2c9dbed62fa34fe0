using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Email;

/// <summary>An outbox message's state in words, the same on Outgoing mail and on the recipient's account page.</summary>
public static class OutboxStates
{
    public static string Describe(OutboxMessage message) => message.State switch
    {
        OutboxState.Sent => $"Sent {message.SentAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC",
        OutboxState.GivenUp => $"Given up: {message.LastError}",
        _ when message.LastError is not null => $"Waiting; next attempt {message.NextAttemptAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC (last error: {message.LastError})",
        _ => "Waiting to be sent",
    };
}
