using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Web.Domain;
using static JiuTracker.Web.Export.Document.WordElements;

namespace JiuTracker.Web.Export.Document;

/// <summary>
/// A report's status table, as in the document's Table 2: recommendation text, addressee (2 columns), acceptance
/// (4), implementation (3), comments; two header rows; an X marks the addressee and the statuses.
/// </summary>
internal static class StatusTable
{
    private const int TextWidth = 4000, MarkWidth = 900, CommentsWidth = 2700;
    private static readonly int[] Widths = [TextWidth, .. Enumerable.Repeat(MarkWidth, 9), CommentsWidth];

    public static Table For(ReportSnapshot report, string organization)
    {
        var table = Table(Widths);
        var ceb = report.CebComments == CebCommentsStatus.NotYetAvailable
            ? "CEB comments NOT YET AVAILABLE"
            : $"CEB comments {report.CebCommentsReference}".TrimEnd();
        table.Append(HeaderRow(
            Cell("Recommendation", TextWidth + 2 * MarkWidth, gridSpan: 3, bold: true),
            Cell("Acceptance", 4 * MarkWidth, gridSpan: 4, bold: true),
            Cell("Implementation status", 3 * MarkWidth, gridSpan: 3, bold: true),
            Cell($"{ceb} - {organization} comments (if any) below", CommentsWidth, bold: true, verticalMerge: MergedCellValues.Restart)));
        table.Append(HeaderRow(
            Cell("", TextWidth),
            MarkHeader("Executive heads"),
            MarkHeader("Legislative/governing bodies"),
            MarkHeader("Accept"),
            MarkHeader("Not accept"),
            MarkHeader("Not relevant"),
            MarkHeader("Requires further consideration"),
            MarkHeader("Not started"),
            MarkHeader("In progress"),
            MarkHeader("Implemented"),
            Cell(null, CommentsWidth, verticalMerge: MergedCellValues.Continue)));

        foreach (var recommendation in report.Recommendations)
        {
            table.Append(Row(recommendation));
        }

        return table;
    }

    private static TableRow Row(RecommendationSnapshot recommendation)
    {
        var row = new TableRow(
            Cell($"Recommendation {recommendation.Number}: {recommendation.Text}", TextWidth),
            Mark(recommendation.Addressee == Addressee.ExecutiveHeads),
            Mark(recommendation.Addressee == Addressee.LegislativeBodies));
        if (recommendation.InformationOnlyNote is { } note)
        {
            row.Append(Cell(note, 7 * MarkWidth, gridSpan: 7));
        }
        else
        {
            foreach (var acceptance in Enum.GetValues<Acceptance>())
            {
                row.Append(Mark(recommendation.Acceptance == acceptance));
            }

            foreach (var implementation in Enum.GetValues<ImplementationStatus>())
            {
                row.Append(Mark(recommendation.Implementation == implementation));
            }
        }

        row.Append(Cell(Comments(recommendation), CommentsWidth));
        return row;
    }

    private static TableCell Mark(bool marked) => Cell(marked ? "X" : "", MarkWidth);

    private static TableCell MarkHeader(string text) => Cell(text, MarkWidth, bold: true, fontSize: SmallFontSize);

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
