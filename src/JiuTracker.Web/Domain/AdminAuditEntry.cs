namespace JiuTracker.Web.Domain;

/// <summary>
/// One administrative change (who, when, what, to which subject), immutable. Written only through
/// <c>AdminAuditLog.RecordAdminChange</c>, in the same unit of work as the change it records.
/// </summary>
public class AdminAuditEntry
{
    private AdminAuditEntry()
    {
    }

    internal AdminAuditEntry(ChangeStamp stamp, AdminAction action, string subject, string details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        At = stamp.At;
        By = stamp.By;
        Action = action;
        Subject = subject.Trim();
        Details = details.Trim();
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; } = "";

    public AdminAction Action { get; private set; }

    /// <summary>What was changed, as people name it: a report symbol, "JIU/REP/2021/3 recommendation 2", an e-mail address.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>What changed, in words (old and new values where there are some).</summary>
    public string Details { get; private set; } = "";
}
