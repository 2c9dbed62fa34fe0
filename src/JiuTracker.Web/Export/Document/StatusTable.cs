using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Export.Document;

/// <summary>
/// A report's status table, as in the document's Table 2: recommendation text, addressee (2 columns), acceptance
/// (4), implementation (3), comments; two header rows; an X marks the addressee and the statuses.
/// </summary>
internal static class StatusTable
{
    private const int TextWidth = 4000, MarkWidth = 900, CommentsWidth = 2700;
    private static readonly int[] Widths = [TextWidth, .. Enumerable.Repeat(MarkWidth, 9), CommentsWidth];
    private static readonly Acceptance[] Acceptances = Enum.GetValues<Acceptance>();
    private static readonly ImplementationStatus[] Implementations = Enum.GetValues<ImplementationStatus>();

    private static readonly string[] MarkHeadings =
    [
        "Executive heads", "Legislative/governing bodies",
        "Accept", "Not accept", "Not relevant", "Requires further consideration",
        "Not started", "In progress", "Implemented",
    ];

    public static void Write(WordMarkup word, ReportSnapshot report, string organization)
    {
        word.StartTable(Widths);
        var ceb = report.CebComments == CebCommentsStatus.NotYetAvailable
            ? "CEB comments NOT YET AVAILABLE"
            : $"CEB comments {report.CebCommentsReference}".TrimEnd();
        word.StartRow(header: true);
        word.Cell("Recommendation", TextWidth + 2 * MarkWidth, gridSpan: 3, bold: true);
        word.Cell("Acceptance", 4 * MarkWidth, gridSpan: 4, bold: true);
        word.Cell("Implementation status", 3 * MarkWidth, gridSpan: 3, bold: true);
        word.Cell($"{ceb} - {organization} comments (if any) below", CommentsWidth, bold: true, verticalMerge: "restart");
        word.EndRow();
        word.StartRow(header: true);
        word.Cell("", TextWidth);
        foreach (var heading in MarkHeadings)
        {
            word.Cell(heading, MarkWidth, bold: true, fontSize: WordMarkup.SmallFontSize);
        }

        word.Cell(null, CommentsWidth, verticalMerge: "continue");
        word.EndRow();

        foreach (var recommendation in report.Recommendations)
        {
            Row(word, recommendation);
        }

        word.EndTable();
    }

    private static void Row(WordMarkup word, RecommendationSnapshot recommendation)
    {
        word.StartRow();
        word.Cell($"Recommendation {recommendation.Number}: {recommendation.Text}", TextWidth);
        Mark(word, recommendation.Addressee == Addressee.ExecutiveHeads);
        Mark(word, recommendation.Addressee == Addressee.LegislativeBodies);
        if (recommendation.InformationOnlyNote is { } note)
        {
            word.Cell(note, 7 * MarkWidth, gridSpan: 7);
        }
        else
        {
            foreach (var acceptance in Acceptances)
            {
                Mark(word, recommendation.Acceptance == acceptance);
            }

            // Only a validated closure shows as Implemented; a claim awaiting validation shows as In progress, with a
            // footnote (decision 032).
            var shown = recommendation.ImplementationClaimed ? ImplementationStatus.InProgress : recommendation.Implementation;
            var footnote = recommendation.ImplementationClaimed ? ClosureClaims.AwaitingValidationNote : null;
            foreach (var implementation in Implementations)
            {
                Mark(word, shown == implementation, footnote);
            }
        }

        word.Cell(Comments(recommendation), CommentsWidth);
        word.EndRow();
    }

    private static void Mark(WordMarkup word, bool marked, string? footnote = null) =>
        word.Cell(marked ? "X" : "", MarkWidth, footnote: marked ? footnote : null);

    private static string Comments(RecommendationSnapshot recommendation)
    {
        var lines = recommendation.Comments.Select(c => c.Text).ToList();
        if (recommendation.WithdrawnAt is { } withdrawn)
        {
            lines.Add($"Withdrawn {withdrawn.UtcDateTime:yyyy-MM-dd}: {recommendation.WithdrawalReason}");
        }

        return string.Join("\n", lines);
    }
}
