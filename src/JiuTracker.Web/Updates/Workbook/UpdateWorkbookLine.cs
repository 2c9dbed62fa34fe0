using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// One non-empty row of the sheet <see cref="UpdateSheet.Name"/>, as typed: <see cref="Row"/> is the sheet's row number;
/// a value that could not be read is null and explained in <see cref="Problems"/>, each message starting with its cell
/// (<c>Update!D7: …</c>). Null statuses are "not recorded".
/// </summary>
public sealed record UpdateWorkbookLine(
    int Row,
    int? Id,
    int? Version,
    string? ReportSymbol,
    int? Number,
    Acceptance? Acceptance,
    ImplementationStatus? Implementation,
    string? NewComment,
    Acceptance? DownloadedAcceptance,
    ImplementationStatus? DownloadedImplementation,
    IReadOnlyList<string> Problems);
