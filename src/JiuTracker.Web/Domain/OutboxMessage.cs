namespace JiuTracker.Web.Domain;

/// <summary>
/// An e-mail the app has to send, written in the same transaction as what caused it and delivered afterwards by the
/// outbox sender, with retries: nothing the app decided to send is lost when SMTP or the process is down.
/// </summary>
public class OutboxMessage
{
    public const int MaxSubjectLength = 200;
    public const int MaxErrorLength = 500;

    private OutboxMessage()
    {
    }

    /// <param name="onceKey">
    /// Set for a message that must exist at most once whatever asks for it (a scheduled reminder, which every instance
    /// of the app may find due): a unique index refuses the second.
    /// </param>
    public OutboxMessage(OutboxKind kind, int? roundId, string toAddress, string toName, string subject, string textBody, string htmlBody, DateTimeOffset createdAt, string? onceKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        Kind = kind;
        RoundId = roundId;
        ToAddress = toAddress.Trim();
        ToName = (toName ?? "").Trim();
        Subject = subject.Length <= MaxSubjectLength ? subject : subject[..MaxSubjectLength];
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        OnceKey = onceKey;
        State = OutboxState.Pending;
    }

    public long Id { get; private set; }

    public OutboxKind Kind { get; private set; }

    public int? RoundId { get; private set; }

    public string ToAddress { get; private set; } = "";

    public string ToName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string? OnceKey { get; private set; }

    public OutboxState State { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the sender may try it (again): now for a new message, later after a failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Until when an instance holds it while sending: another instance takes it only after that (a crashed sender).</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The Message-ID header: the same at every attempt, so a resent copy can be recognized as the same message.</summary>
    public string MessageId(string domain) => $"jiutracker-outbox-{Id}@{domain}";

    public void Claim(DateTimeOffset until)
    {
        ClaimedUntil = until;
        Attempts++;
    }

    public void MarkSent(DateTimeOffset at)
    {
        State = OutboxState.Sent;
        SentAt = at;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>An attempt failed: tried again at <paramref name="retryAt"/>, or given up when that is null.</summary>
    public void MarkFailed(string error, DateTimeOffset? retryAt)
    {
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        ClaimedUntil = null;
        if (retryAt is { } next)
        {
            NextAttemptAt = next;
        }
        else
        {
            State = OutboxState.GivenUp;
        }
    }
}

public enum OutboxKind
{
    /// <summary>The request of a round that opened, to one focal point.</summary>
    RoundOpened = 1,

    /// <summary>A reminder on the round's schedule.</summary>
    Reminder = 2,

    /// <summary>A reminder a coordinator sent by hand ("remind now").</summary>
    ReminderByHand = 3,

    /// <summary>To whoever opened the round, when its due date passed: who has not answered.</summary>
    DueDateSummary = 4,

    /// <summary>To whoever claimed an implementation, when a coordinator returned the claim: the reason.</summary>
    ClaimReturned = 5,
}

public enum OutboxState
{
    Pending = 1,
    Sent = 2,

    /// <summary>Every attempt failed for longer than the sender keeps trying; shown on Outgoing mail.</summary>
    GivenUp = 3,
}
