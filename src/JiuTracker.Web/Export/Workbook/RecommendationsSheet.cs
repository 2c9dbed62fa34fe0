using JiuTracker.Web.Domain;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// One row per recommendation with the CSV's columns, codes and joins, plus the withdrawal date; years, numbers and
/// dates are typed cells, so the sheet sorts and filters like the data it is. Rows are added report by report while
/// the reports' own sheets are written, so the reports are read once: the sheet's XML goes to a temporary file
/// (the zip takes one entry at a time) and is copied into the package at the end.
/// </summary>
internal sealed class RecommendationsSheet : IDisposable
{
    public const string WithdrawnColumn = "withdrawn";

    public static readonly string[] Header = [.. RecommendationsCsv.Header, WithdrawnColumn];

    private static readonly SheetLayout Layout = new([16, 50, 12, 22, 18, 20, 16, 10, 40, 60, 80, 22, 14, 12], FrozenRows: 1);

    private readonly FileStream _xml = TemporaryFile.Create();
    private readonly SheetWriter _sheet;

    public RecommendationsSheet()
    {
        _sheet = new SheetWriter(_xml, Layout, selected: false, leaveOpen: true);
        _sheet.WriteRow([.. Header.Select(h => TextOf(h, WorkbookStyles.Bold))]);
    }

    public void Add(ReportSnapshot report)
    {
        var focalPoints = string.Join("; ", report.FocalPoints.Select(f => f.WithUnit));
        foreach (var recommendation in report.Recommendations)
        {
            WriteRow(report, focalPoints, recommendation);
        }
    }

    /// <summary>Ends the sheet and copies it into the package; no row can be added after.</summary>
    public void CopyTo(WorkbookPackage package, int position)
    {
        _sheet.Finish(autoFilterColumns: Header.Length);
        _sheet.Dispose();
        package.AddSheet(position, _xml);
    }

    public void Dispose()
    {
        _sheet.Dispose();
        _xml.Dispose();
    }

    private void WriteRow(ReportSnapshot report, string focalPoints, RecommendationSnapshot recommendation) =>
        _sheet.WriteRow(
            TextOf(report.Symbol),
            TextOf(report.Title),
            NumberOf(report.Year),
            NumberOf(recommendation.Number),
            TextOf(recommendation.Addressee.Code()),
            TextOf(recommendation.Acceptance?.Code()),
            TextOf(recommendation.Implementation?.Code()),
            NumberOf(recommendation.DeadlineYear),
            TextOf(focalPoints),
            TextOf(string.Join(" | ", recommendation.Comments.Select(c => c.Text))),
            TextOf(recommendation.Text),
            TextOf(RecommendationsCsv.ClaimedCode(recommendation.ImplementationClaimed)),
            NumberOf(recommendation.EvidenceFiles),
            DateOf(recommendation.WithdrawnAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null));
}
