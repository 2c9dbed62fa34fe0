using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Data;

/// <summary>
/// The one writer of the administrative audit log. The entry joins the context's unit of work, so it is stored by the
/// same <c>SaveChangesAsync</c> (or transaction) as the change it records, or not at all.
/// </summary>
public static class AdminAuditLog
{
    private const int MaxDetails = 20_000;

    public static AdminAuditEntry RecordAdminChange(this JiuDbContext db, ChangeStamp stamp, AdminAction action, string subject, string details)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(details);
        var kept = details.Length <= MaxDetails ? details : details[..(MaxDetails - 1)] + "…";
        var entry = new AdminAuditEntry(stamp, action, subject, kept);
        db.AdminAudit.Add(entry);
        return entry;
    }

    /// <summary>"old → new" for a changed value, with empty values shown as "(none)".</summary>
    public static string Change(string label, string? oldValue, string? newValue) =>
        $"{label}: {Shown(oldValue)} → {Shown(newValue)}";

    private static string Shown(string? value) => string.IsNullOrWhiteSpace(value) ? "(none)" : $"\"{value}\"";
}
