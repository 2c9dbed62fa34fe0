using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import;

/// <summary>What an "Action required" document says, as read by <see cref="LegacyDocumentReader"/>.</summary>
/// <param name="StatedDate">
/// The day the document states its statuses as of ("as at 31 December 2021", else 31 December of its title's year
/// range "2020- 2021"); null when it states none.
/// </param>
/// <param name="StatedDateFrom">Where the document states it, in words, for the person who imports it.</param>
public sealed record LegacyDocument(IReadOnlyList<LegacyReport> Reports, DateOnly? StatedDate = null, string? StatedDateFrom = null);

/// <summary>A report of the document: its Table 1 entry merged with its Table 2 section.</summary>
/// <param name="Line">The 1-based line of the report's heading in Table 2.</param>
public sealed record LegacyReport(
    ReportSymbol Symbol,
    string Title,
    CebCommentsStatus CebComments,
    IReadOnlyList<LegacyFocalPoint> FocalPoints,
    IReadOnlyList<LegacyRecommendation> Recommendations,
    int Line);

/// <summary>A focal point as Table 1 gives it: "Mr. Anders Norsker (GS/IS)".</summary>
public sealed record LegacyFocalPoint(string Title, string Name, string Unit);

/// <summary>One row of a report's status table.</summary>
/// <param name="Text">The recommendation's text without its "Recommendation N:" prefix.</param>
/// <param name="Comment">
/// The comments cell with its continuation lines joined by '\n', but for hard line wraps inside a sentence, which are
/// joined by a space (see <see cref="Reading.WrappedLines"/>); null when empty.
/// </param>
/// <param name="InformationOnlyNote">The note of a row whose status cells are merged into one note ("For information only…").</param>
/// <param name="Line">The 1-based line where the row's recommendation cell starts.</param>
public sealed record LegacyRecommendation(
    int Number,
    string Text,
    Acceptance? Acceptance,
    ImplementationStatus? Implementation,
    string? Comment,
    string? InformationOnlyNote,
    int Line);

/// <summary>Something in the document that cannot be read; names the place so a person can find it.</summary>
public sealed record LegacyDocumentError(int Line, string? ReportSymbol, int? RecommendationNumber, string Message)
{
    public override string ToString()
    {
        var place = $"line {Line}";
        if (ReportSymbol is not null)
        {
            place += $", {ReportSymbol}";
        }

        if (RecommendationNumber is not null)
        {
            place += $", recommendation {RecommendationNumber}";
        }

        return $"{place}: {Message}";
    }
}

/// <summary>The document when it could be read completely, otherwise every error found.</summary>
public sealed record LegacyDocumentReadResult(LegacyDocument? Document, IReadOnlyList<LegacyDocumentError> Errors)
{
    public bool Succeeded => Document is not null && Errors.Count == 0;
}
