using JiuTracker.Web.Domain;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// One row per recommendation, for people: the CSV's columns and the withdrawal date, with labels in place of codes
/// (the CSV keeps the codes, for machines); years, numbers and dates are typed cells, so the sheet sorts and filters
/// like the data it is. Rows are added report by report while the reports' own sheets are written, so the reports
/// are read once: the sheet's XML goes to a temporary file (the zip takes one entry at a time) and is copied into the
/// package at the end.
/// </summary>
internal sealed class RecommendationsSheet : IDisposable
{
    /// <summary>Each column's heading and width, in the CSV's order, then the withdrawal date.</summary>
    private static readonly DataColumns Columns = new(
    [
        ("Report", 16), ("Report title", 40), ("Year", 7), ("Recommendation", 15), ("Addressee", 18), ("Acceptance", 16),
        ("Implementation", 15), ("Deadline", 9), ("Focal points", 30), ("Comments", 45), ("Text", 60),
        ("Implementation claimed", 15), ("Evidence files", 9), ("Withdrawn", 11),
    ]);

    private readonly FileStream _xml = TemporaryFile.Create();
    private readonly SheetWriter _sheet;

    public RecommendationsSheet()
    {
        _sheet = new SheetWriter(_xml, Columns.Layout, selected: false, leaveOpen: true);
        _sheet.WriteRow(Columns.HeaderRow);
    }

    public static IReadOnlyList<string> Header => Columns.Headings;

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
        _sheet.Finish(autoFilterColumns: Header.Count);
        _sheet.Dispose();
        package.AddSheet(position, _xml, Columns.Layout);
    }

    public void Dispose()
    {
        _sheet.Dispose();
        _xml.Dispose();
    }

    /// <summary>"Yes" or "No", as the sheet says whether a claim of implementation awaits validation.</summary>
    public static string YesOrNo(bool value) => value ? "Yes" : "No";

    private void WriteRow(ReportSnapshot report, string focalPoints, RecommendationSnapshot recommendation) =>
        _sheet.WriteRow(
            TextOf(report.Symbol, WorkbookStyles.Top),
            TextOf(report.Title, WorkbookStyles.Wrapped),
            NumberOf(report.Year, WorkbookStyles.Top),
            NumberOf(recommendation.Number, WorkbookStyles.Top),
            TextOf(recommendation.Addressee.Label(), WorkbookStyles.Wrapped),
            TextOf(recommendation.Acceptance.LabelOrNotRecorded(), WorkbookStyles.Wrapped),
            TextOf(recommendation.Implementation.LabelOrNotRecorded(), WorkbookStyles.Wrapped),
            NumberOf(recommendation.DeadlineYear, WorkbookStyles.Top),
            TextOf(focalPoints, WorkbookStyles.Wrapped),
            TextOf(string.Join("\n", recommendation.Comments.Select(c => c.Text)), WorkbookStyles.Wrapped),
            TextOf(recommendation.Text, WorkbookStyles.Wrapped),
            TextOf(YesOrNo(recommendation.ImplementationClaimed), WorkbookStyles.Top),
            NumberOf(recommendation.EvidenceFiles, WorkbookStyles.Top),
            DateOf(recommendation.WithdrawnAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null));
}
