using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Updates;

/// <summary>What an update workbook's row does, or would do once the preview is confirmed.</summary>
public enum WorkbookRowKind
{
    /// <summary>The row changes the recommendation's statuses or adds a comment.</summary>
    Change,

    /// <summary>The row asks for nothing new.</summary>
    Unchanged,

    /// <summary>The recommendation changed in the app after the workbook was downloaded: the row is not applied.</summary>
    Conflict,

    /// <summary>The row is not applied: <see cref="WorkbookRowOutcome.Reason"/> says why and where.</summary>
    Refused,
}

/// <summary>
/// One row of an update workbook as the preview shows it: which recommendation, the stored values and the row's.
/// </summary>
/// <param name="Row">The row's number on the Update sheet.</param>
/// <param name="Subject">"JIU/REP/2020/8 recommendation 3", or what the row's cells say when it names no recommendation.</param>
/// <param name="ReportId">The report of the row's recommendation, when the row names one.</param>
public sealed record WorkbookRowOutcome(
    int Row,
    WorkbookRowKind Kind,
    string Subject,
    int? ReportId,
    Acceptance? StoredAcceptance,
    ImplementationStatus? StoredImplementation,
    Acceptance? Acceptance,
    ImplementationStatus? Implementation,
    string? NewComment,
    string? Reason);
