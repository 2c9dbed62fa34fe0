using System.Globalization;
using JiuTracker.Web.Domain;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>One report laid out as the document's matrix: an X in the recorded acceptance and implementation columns.</summary>
internal static class ReportSheet
{
    private const int FirstMarkColumn = 3;
    private const int HeaderRows = 4;
    private const string Mark = "X";
    private const uint Header = WorkbookStyles.MatrixHeader;

    /// <summary>The document's column headings, in its order.</summary>
    private static readonly (Acceptance Status, string Heading)[] AcceptanceColumns =
    [
        (Acceptance.Accepted, "Accept"),
        (Acceptance.NotAccepted, "Not accept"),
        (Acceptance.NotRelevant, "Not relevant"),
        (Acceptance.UnderConsideration, "Requires further consideration"),
    ];

    private static readonly (ImplementationStatus Status, string Heading)[] ImplementationColumns =
    [
        (ImplementationStatus.NotStarted, "Not started"),
        (ImplementationStatus.InProgress, "In progress"),
        (ImplementationStatus.Implemented, "Implemented"),
    ];

    private static readonly int MarkColumns = AcceptanceColumns.Length + ImplementationColumns.Length;
    private static readonly int CommentsColumn = FirstMarkColumn + MarkColumns;
    private static readonly SheetLayout Layout = new([70, 16, 10, 11, 11, 11, 15, 11, 11, 14, 50], FrozenRows: HeaderRows, PrintsLandscape: true)
    {
        PrintTitleRows = HeaderRows,
    };

    public static void Write(WorkbookPackage package, int position, ReportSnapshot report, string organizationName)
    {
        using var sheet = package.AddSheet(position, Layout);
        sheet.WriteRow(TextOf($"{report.Symbol} {report.Title}", WorkbookStyles.Title));
        var focalPoints = "Focal points: " + string.Join("; ", report.FocalPoints.Select(f => f.WithTitleAndUnit));
        sheet.WriteRow([TextOf(focalPoints), .. Blanks(CommentsColumn - 1, WorkbookStyles.Normal), TextOf(CebComments(report))]);
        WriteHeader(sheet, organizationName);
        foreach (var recommendation in report.Recommendations)
        {
            WriteRecommendation(sheet, recommendation);
        }

        // The filter's buttons sit on the headings' second row, over every column of the matrix.
        sheet.Finish(autoFilterColumns: CommentsColumn + 1, headerRow: HeaderRows);
    }

    private static void WriteHeader(SheetWriter sheet, string organizationName)
    {
        sheet.WriteRow(
            TextOf("Recommendation", Header), TextOf("Addressee", Header), TextOf("Deadline", Header),
            TextOf("Acceptance", Header).Across(AcceptanceColumns.Length),
            TextOf("Implementation status", Header).Across(ImplementationColumns.Length),
            TextOf($"{organizationName} comments (if any)".Trim(), Header));
        sheet.WriteRow(
        [
            .. Blanks(FirstMarkColumn, Header),
            .. AcceptanceColumns.Select(c => TextOf(c.Heading, Header)),
            .. ImplementationColumns.Select(c => TextOf(c.Heading, Header)),
            Empty(Header),
        ]);
        var top = sheet.RowCount - 1;
        int[] twoRowsHigh = [.. Enumerable.Range(0, FirstMarkColumn), CommentsColumn];
        foreach (var column in twoRowsHigh)
        {
            sheet.Merge(column, top, column, top + 1);
        }
    }

    private static void WriteRecommendation(SheetWriter sheet, RecommendationSnapshot recommendation)
    {
        var note = NoteInPlaceOfMarks(recommendation);
        sheet.WriteRow(
        [
            TextOf($"Recommendation {recommendation.Number.ToString(CultureInfo.InvariantCulture)}: {recommendation.Text}", WorkbookStyles.MatrixText),
            TextOf(recommendation.Addressee.Label(), WorkbookStyles.MatrixText),
            NumberOf(recommendation.DeadlineYear, WorkbookStyles.MatrixText),
            .. note is null ? Marks(recommendation) : [TextOf(note, WorkbookStyles.MatrixText).Across(MarkColumns)],
            TextOf(Comments(recommendation), WorkbookStyles.MatrixText),
        ]);
    }

    /// <summary>
    /// The comments, and a claim awaiting validation said in words: its marks stay on the status recorded before the
    /// claim, so that counting the X marks still gives the figures (decision 032).
    /// </summary>
    private static string Comments(RecommendationSnapshot recommendation)
    {
        var lines = recommendation.Comments.Select(c => c.Text);
        return string.Join("\n", recommendation.ImplementationClaimed ? lines.Append(ClosureClaims.AwaitingValidationNote) : lines);
    }

    /// <summary>A withdrawal and an information-only note replace the marks, so counting the X marks gives the figures.</summary>
    private static string? NoteInPlaceOfMarks(RecommendationSnapshot recommendation)
    {
        var withdrawal = recommendation.WithdrawnAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"Withdrawn {at.UtcDateTime:yyyy-MM-dd}: {recommendation.WithdrawalReason}").TrimEnd(' ', ':')
            : null;
        string?[] lines = [withdrawal, recommendation.InformationOnlyNote];
        return lines.Any(l => l is not null) ? string.Join("\n", lines.OfType<string>()) : null;
    }

    private static IEnumerable<CellContent> Marks(RecommendationSnapshot recommendation) =>
    [
        .. AcceptanceColumns.Select(c => MarkIf(recommendation.Acceptance == c.Status)),
        .. ImplementationColumns.Select(c => MarkIf(recommendation.Implementation == c.Status)),
    ];

    private static CellContent MarkIf(bool marked) => marked ? TextOf(Mark, WorkbookStyles.MatrixMark) : Empty(WorkbookStyles.MatrixMark);

    private static IEnumerable<CellContent> Blanks(int count, uint style) => Enumerable.Repeat(Empty(style), count);

    private static string CebComments(ReportSnapshot report) =>
        $"CEB comments: {report.CebComments.Label()} {report.CebCommentsReference}".TrimEnd();
}
