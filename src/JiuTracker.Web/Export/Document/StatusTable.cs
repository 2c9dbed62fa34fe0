using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Export.Document;

/// <summary>
/// A report's status table, as in the document's Table 2: recommendation text, addressee (2 columns), acceptance
/// (4), implementation (3), comments; two header rows; an X marks the addressee and the statuses.
/// </summary>
internal static class StatusTable
{
    private const int TextWidth = 3700, CommentsWidth = 2536;
    private static readonly Acceptance[] Acceptances = Enum.GetValues<Acceptance>();
    private static readonly ImplementationStatus[] Implementations = Enum.GetValues<ImplementationStatus>();

    /// <summary>
    /// The mark columns' headers, each column as wide as the longest word of its label in 7 pt bold with the cell's
    /// padding, so that no reader breaks a word (decision 033); "Legislative/" ends its line.
    /// </summary>
    private static readonly (string Label, int Width)[] MarkHeadings =
    [
        ("Executive heads", 1000), ($"Legislative/{WordMarkup.LineBreak}governing bodies", 1150),
        ("Accept", 800), ("Not accept", 850), ("Not relevant", 900), ("Requires further consideration", 1250),
        ("Not started", 850), ("In progress", 900), ("Implemented", 1200),
    ];

    private static readonly int[] Widths = [TextWidth, .. MarkHeadings.Select(h => h.Width), CommentsWidth];

    private static int MarkWidth(int column) => MarkHeadings[column].Width;

    /// <summary>The width of mark columns <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    private static int MarksWidth(int first, int count) => MarkHeadings.Skip(first).Take(count).Sum(h => h.Width);

    public static void Write(WordMarkup word, ReportSnapshot report, string organization)
    {
        word.StartTable(Widths);
        var ceb = report.CebComments == CebCommentsStatus.NotYetAvailable
            ? "CEB comments NOT YET AVAILABLE"
            : $"CEB comments {report.CebCommentsReference}".TrimEnd();
        word.StartRow(header: true);
        word.Cell("Recommendation", TextWidth + MarksWidth(0, 2), gridSpan: 3, bold: true);
        word.Cell("Acceptance", MarksWidth(2, 4), gridSpan: 4, bold: true, centered: true);
        word.Cell("Implementation status", MarksWidth(6, 3), gridSpan: 3, bold: true, centered: true);
        word.Cell($"{ceb} - {organization} comments (if any) below", CommentsWidth, bold: true, verticalMerge: "restart");
        word.EndRow();
        word.StartRow(header: true);
        word.Cell("", TextWidth);
        foreach (var (label, width) in MarkHeadings)
        {
            word.Cell(label, width, bold: true, fontSize: WordMarkup.SmallFontSize, centered: true);
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
        Mark(word, 0, recommendation.Addressee == Addressee.ExecutiveHeads);
        Mark(word, 1, recommendation.Addressee == Addressee.LegislativeBodies);
        if (recommendation.InformationOnlyNote is { } note)
        {
            word.Cell(note, MarksWidth(2, 7), gridSpan: 7);
        }
        else
        {
            var column = 2;
            foreach (var acceptance in Acceptances)
            {
                Mark(word, column++, recommendation.Acceptance == acceptance);
            }

            // Only a validated closure shows as Implemented; a claim awaiting validation shows as In progress, with a
            // footnote (decision 032).
            var shown = recommendation.ImplementationClaimed ? ImplementationStatus.InProgress : recommendation.Implementation;
            var footnote = recommendation.ImplementationClaimed ? ClosureClaims.AwaitingValidationNote : null;
            foreach (var implementation in Implementations)
            {
                Mark(word, column++, shown == implementation, footnote);
            }
        }

        word.Cell(Comments(recommendation), CommentsWidth);
        word.EndRow();
    }

    private static void Mark(WordMarkup word, int column, bool marked, string? footnote = null) =>
        word.Cell(marked ? "X" : "", MarkWidth(column), footnote: marked ? footnote : null, centered: true);

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
