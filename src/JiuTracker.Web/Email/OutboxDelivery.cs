using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Email;

/// <summary>
/// Delivers what the outbox holds: claims a batch, sends it over one SMTP connection, and records each message as sent
/// the moment the server accepted it, or as failed with the time of its next attempt. A process killed between the
/// server's acceptance and that record sends the message again once its claim has lapsed: at most one duplicate per
/// message in flight, with the same Message-ID.
/// </summary>
public sealed partial class OutboxDelivery(
    JiuDbContext db, SmtpDelivery smtp, IOptions<EmailOptions> email, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDelivery> logger)
{
    /// <returns>How many messages were sent.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = await db.ClaimDueAsync(time.GetUtcNow(), TimeSpan.FromSeconds(settings.ClaimSeconds), settings.BatchSize, ct);
            if (batch.Count == 0)
            {
                return sent;
            }

            ISmtpSession session;
            try
            {
                session = await smtp.ConnectAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCannotConnect(logger, e.Message);
                foreach (var message in batch)
                {
                    Fail(message, e);
                }

                await db.SaveChangesAsync(ct);
                return sent;
            }

            await using (session)
            {
                foreach (var message in batch)
                {
                    try
                    {
                        await session.SendAsync(ToEmail(message), ct);
                        message.MarkSent(time.GetUtcNow());
                        sent++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogSendFailed(logger, message.Id, e.Message);
                        Fail(message, e);
                    }

                    try
                    {
                        await db.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                        // The claim lapsed while sending and another instance took the message: it records the outcome.
                        LogClaimLost(logger, message.Id);
                        db.ChangeTracker.Clear();
                        return sent;
                    }
                }
            }
        }

        return sent;
    }

    private void Fail(OutboxMessage message, Exception error)
    {
        var now = time.GetUtcNow();
        var giveUp = now - message.CreatedAt >= TimeSpan.FromHours(options.Value.GiveUpAfterHours);
        message.MarkFailed(error.Message, giveUp ? null : now + options.Value.RetryDelay(message.Attempts));
    }

    private OutgoingEmail ToEmail(OutboxMessage message) =>
        new(message.MessageId(DomainOf(email.Value.From)), message.ToAddress, message.ToName, message.Subject, message.TextBody, message.HtmlBody, time.GetUtcNow());

    private static string DomainOf(string? address) =>
        address?.LastIndexOf('@') is int at and >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "jiutracker";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server cannot be reached ({Reason}); the outbox tries again later.")]
    private static partial void LogCannotConnect(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was taken by another sender while this one sent it; it may arrive twice.")]
    private static partial void LogClaimLost(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was not accepted ({Reason}); it is tried again later.")]
    private static partial void LogSendFailed(ILogger logger, long id, string reason);
}
