namespace JiuTracker.Web.Email;

/// <summary>How the outbox sender retries (section <c>Email:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Email:Outbox";

    /// <summary>The wait after a first failed attempt; it doubles at each failure up to <see cref="MaxRetryAfterSeconds"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 30;

    public int MaxRetryAfterSeconds { get; set; } = 600;

    /// <summary>A message still not delivered this long after it was written is given up (shown so on Outgoing mail).</summary>
    public int GiveUpAfterHours { get; set; } = 72;

    /// <summary>How long an instance holds the messages it is sending; a crashed instance's are taken by another after that.</summary>
    public int ClaimSeconds { get; set; } = 120;

    /// <summary>Messages claimed and sent over one SMTP connection at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Demo mode (the Development environment) never sends, whatever SMTP settings it has: its outbox is only shown
    /// under Administration › Outgoing mail. <c>true</c> lets a demo or training install send to a test mailbox.
    /// </summary>
    public bool DeliverInDemoMode { get; set; }

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetryAfterSeconds, RetryAfterSeconds * Math.Pow(2, Math.Max(attempts - 1, 0))));
}
