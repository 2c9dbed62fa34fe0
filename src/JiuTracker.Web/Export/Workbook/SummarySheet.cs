using System.Globalization;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Trends;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// The dashboard's figures over the exported recommendations, each with its definition, and the filter used: the
/// workbook's first sheet, written last, once every recommendation has been counted.
/// </summary>
internal static class SummarySheet
{

    private static readonly SheetLayout Layout = new([34, 12, 120, 12, 12], PrintsLandscape: true);

    public static void Write(WorkbookPackage package, WorkbookContent content, FigureCounts counts)
    {
        using var sheet = package.AddSheet(0, Layout);
        sheet.WriteRow(TextOf(Title(content), WorkbookStyles.Title));
        sheet.WriteRow(TextOf("Scope", WorkbookStyles.Bold), TextOf(content.ScopeDescription));
        sheet.WriteRow(TextOf("Status as of", WorkbookStyles.Bold), DateOf(content.AsOf), TextOf("Statuses and comments as they stood at the end of this day (UTC)."));
        sheet.WriteRow(TextOf("Withdrawn recommendations are left out of every figure."));
        sheet.WriteEmptyRow();
        sheet.WriteRow(TextOf("Figure", WorkbookStyles.Bold), TextOf("Count", WorkbookStyles.Bold), TextOf("Definition", WorkbookStyles.Bold));
        foreach (var figure in Enum.GetValues<Figure>().Where(f => !FigureDefinitions.IsAboutToday(f)))
        {
            var definition = content.Figures[figure];
            sheet.WriteRow(TextOf(definition.Label, WorkbookStyles.Top), NumberOf(counts[figure], WorkbookStyles.Top), TextOf(definition.Meaning, WorkbookStyles.Wrapped));
        }

        sheet.WriteEmptyRow();
        sheet.WriteRow(
            TextOf("Rate", WorkbookStyles.Bold), TextOf("Percent", WorkbookStyles.Bold), TextOf("Definition", WorkbookStyles.Bold),
            TextOf("Numerator", WorkbookStyles.Bold), TextOf("Denominator", WorkbookStyles.Bold));
        WriteRate(sheet, RateDefinitions.AcceptanceRateLabel, counts.AcceptanceRate, RateDefinitions.AcceptanceRateMeaning);
        WriteRate(sheet, RateDefinitions.ImplementationRateLabel, counts.ImplementationRate, RateDefinitions.ImplementationRateMeaning);
        WriteTrend(sheet, content.Trend);
        sheet.Finish();
    }

    /// <summary>The rates at the end of each quarter of the last five years up to the as-of day, as the "Over time" page shows them.</summary>
    private static void WriteTrend(SheetWriter sheet, IReadOnlyList<TrendPoint> all)
    {
        var (trend, leftOut) = TrendPoint.FromFirstRecorded(all);
        sheet.WriteEmptyRow();
        sheet.WriteRow(TextOf("Rates at the end of each quarter", WorkbookStyles.Bold), TextOf(""),
            TextOf("Rebuilt from the history: the recommendations registered and not withdrawn by the end of each day, with the statuses they had then. " +
                "The History sheet lists every change they are rebuilt from." + (leftOut is null ? "" : " " + leftOut), WorkbookStyles.Wrapped));
        sheet.WriteRow(
            TextOf("Period", WorkbookStyles.Bold), TextOf(RateDefinitions.AcceptanceRateLabel, WorkbookStyles.Bold), TextOf("At the end of; what is counted", WorkbookStyles.Bold),
            TextOf(RateDefinitions.ImplementationRateLabel, WorkbookStyles.Bold), TextOf("Recommendations", WorkbookStyles.Bold));
        foreach (var point in trend)
        {
            var (acceptance, implementation) = (point.Counts.AcceptanceRate, point.Counts.ImplementationRate);
            sheet.WriteRow(
                TextOf(point.End.IsToDate ? $"{point.End.Label} (to date)" : point.End.Label),
                PercentOrText(acceptance),
                TextOf(string.Create(CultureInfo.InvariantCulture,
                    $"{point.End.Day:yyyy-MM-dd}: {acceptance.Numerator} accepted of {acceptance.Denominator} with a recorded decision; {implementation.Numerator} implemented of {implementation.Denominator} accepted."),
                    WorkbookStyles.Wrapped),
                PercentOrText(implementation),
                NumberOf(point.Counts[Figure.All]));
        }
    }

    private static CellContent PercentOrText(Rate rate) =>
        rate.Percent is { } percent ? NumberOf(percent / 100, WorkbookStyles.Percent) : TextOf(rate.Text);

    /// <summary>"ITU JIU recommendations — status as of 2026-11-29".</summary>
    private static string Title(WorkbookContent content) =>
        string.Create(CultureInfo.InvariantCulture, $"{content.OrganizationName} JIU recommendations — status as of {content.AsOf:yyyy-MM-dd}").Trim();

    private static void WriteRate(SheetWriter sheet, string label, Rate rate, string definition) =>
        sheet.WriteRow(
            TextOf(label),
            PercentOrText(rate),
            TextOf(definition, WorkbookStyles.Wrapped),
            NumberOf(rate.Numerator),
            NumberOf(rate.Denominator));
}
