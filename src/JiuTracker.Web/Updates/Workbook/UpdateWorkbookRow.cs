using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>One recommendation as the update workbook shows it, read when the workbook is downloaded.</summary>
/// <param name="Id">The recommendation's id, written to the hidden "Row id" column the upload finds it by.</param>
/// <param name="Version">The recommendation's version when downloaded, so the upload can tell a later change in the app.</param>
/// <param name="CurrentComments">Every comment, oldest first, as it is to be shown.</param>
/// <param name="InformationOnly">A recommendation that takes no acceptance or implementation: its row cannot be filled in.</param>
public sealed record UpdateWorkbookRow(
    int Id,
    int Version,
    string ReportSymbol,
    int Number,
    string Text,
    Addressee Addressee,
    int? DeadlineYear,
    Acceptance? Acceptance,
    ImplementationStatus? Implementation,
    string CurrentComments,
    DateTimeOffset? LastChangedAt,
    bool InformationOnly);
