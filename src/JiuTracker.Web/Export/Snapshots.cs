using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Export;

/// <summary>A report as an export shows it: at the scope's moment, with its recommendations in number order.</summary>
public sealed record ReportSnapshot(
    string Symbol,
    string Title,
    int Year,
    CebCommentsStatus CebComments,
    string? CebCommentsReference,
    IReadOnlyList<FocalPointName> FocalPoints,
    IReadOnlyList<RecommendationSnapshot> Recommendations);

/// <summary>A report's entry in a document's list of reports.</summary>
/// <param name="ReviewHighlightsUrl">The link of its "Review Highlights" line; null when none is registered.</param>
public sealed record ReportHeading(string Symbol, string Title, int Year, IReadOnlyList<FocalPointName> FocalPoints, string? ReviewHighlightsUrl);

/// <param name="WithdrawnAt">Set only in exports for readers who may see withdrawn recommendations.</param>
public sealed record RecommendationSnapshot(
    int Number,
    string Text,
    Addressee Addressee,
    int? DeadlineYear,
    string? InformationOnlyNote,
    Acceptance? Acceptance,
    ImplementationStatus? Implementation,
    IReadOnlyList<CommentSnapshot> Comments,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason)
{
    /// <summary>The recommendation's id, for links from pages that show a snapshot.</summary>
    public int Id { get; init; }

    /// <summary>
    /// Implementation was claimed and awaited a coordinator's validation at the scope's moment; <see cref="Implementation"/>
    /// is then the status recorded before the claim (decision 032).
    /// </summary>
    public bool ImplementationClaimed { get; init; }

    /// <summary>The files of evidence attached and not withdrawn at the scope's moment.</summary>
    public int EvidenceFiles { get; init; }

    public IReadOnlyList<string> DataQualityWarnings => DataQuality.WarningsFor(Acceptance, Implementation);
}

public sealed record CommentSnapshot(string Text, string Author, DateTimeOffset CreatedAt);

/// <summary>One change, as the History sheet and the history CSV list it.</summary>
public sealed record HistoryRow(
    DateTimeOffset At,
    string By,
    string ReportSymbol,
    int RecommendationNumber,
    HistoryField Field,
    string? OldValue,
    string? NewValue,
    string? Source);
