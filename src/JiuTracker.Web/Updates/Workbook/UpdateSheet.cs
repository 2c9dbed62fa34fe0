namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// The update workbook's contract, shared by its writer and its reader: the first sheet's name and its columns'
/// headers. The reader finds every column by its header in row 1, so people may reorder columns, delete context
/// columns or add sheets; the editable and hidden columns must stay.
/// </summary>
public static class UpdateSheet
{
    public const string Name = "Update";

    // The columns people fill in (with the first two, which name the row).
    public const string Report = "Report";
    public const string Recommendation = "Recommendation";
    public const string Acceptance = "Acceptance";
    public const string Implementation = "Implementation";
    public const string NewComment = "New comment";

    // Read-only context.
    public const string Text = "Recommendation text";
    public const string Addressee = "Addressee";
    public const string Deadline = "Deadline";
    public const string CurrentComments = "Current comments";
    public const string LastChange = "Last change";

    // Hidden: which recommendation the row is, and what it was when the workbook was downloaded.
    public const string Id = "Row id";
    public const string Version = "Version when downloaded";
    public const string DownloadedAcceptance = "Acceptance when downloaded";
    public const string DownloadedImplementation = "Implementation when downloaded";

    /// <summary>Every column, in the order the workbook is written.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        Report, Recommendation, Acceptance, Implementation, NewComment,
        Text, Addressee, Deadline, CurrentComments, LastChange,
        Id, Version, DownloadedAcceptance, DownloadedImplementation,
    ];

    /// <summary>The columns people type in; the rest of the sheet is protected.</summary>
    public static readonly IReadOnlyList<string> Editable = [Acceptance, Implementation, NewComment];

    /// <summary>The columns the upload needs; a workbook without one of them is refused whole.</summary>
    public static readonly IReadOnlyList<string> Required =
        [Report, Recommendation, Acceptance, Implementation, NewComment, Id, Version, DownloadedAcceptance, DownloadedImplementation];

    /// <summary>The hidden columns, written with the codes of <see cref="Domain.StatusVocabulary"/> (empty for "not recorded").</summary>
    public static readonly IReadOnlyList<string> Hidden = [Id, Version, DownloadedAcceptance, DownloadedImplementation];
}
