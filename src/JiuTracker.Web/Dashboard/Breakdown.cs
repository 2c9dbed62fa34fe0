namespace JiuTracker.Web.Dashboard;

/// <summary>
/// Figures per report, per year, per addressee, per unit or per focal point: every row. The dashboard shows the first
/// <see cref="RowsOnDashboard"/> of them and links to the whole list (<c>/Dashboard/Breakdown</c>).
/// </summary>
/// <param name="Note">What a reader must know to add the rows up, e.g. that a report with two units counts in both.</param>
/// <param name="Order">The rows' order, in words, for the sentence saying which rows the dashboard shows.</param>
public sealed record Breakdown(BreakdownKind Kind, string Title, string KeyHeader, IReadOnlyList<BreakdownRow> Rows, string Order, string? Note = null)
{
    /// <summary>The dashboard shows this many rows of each breakdown, so that the page stays small with thousands of reports.</summary>
    public const int RowsOnDashboard = 10;

    /// <summary>The rows the dashboard shows: all of them, or the first <see cref="RowsOnDashboard"/> of a long breakdown.</summary>
    public IReadOnlyList<BreakdownRow> FirstRows => IsShortened ? [.. Rows.Take(RowsOnDashboard)] : Rows;

    /// <summary>
    /// Whether the dashboard shows only the first rows. Reports, units and focal points can be thousands; years and
    /// addressees are few, and their pictures and tables stay whole.
    /// </summary>
    public bool IsShortened => Kind is BreakdownKind.Report or BreakdownKind.Unit or BreakdownKind.FocalPoint && Rows.Count > RowsOnDashboard;
}

/// <param name="Filter">The dashboard's filter narrowed to this row, for its links.</param>
public sealed record BreakdownRow(string Label, RecommendationFilter Filter, FigureCounts Counts, string? Detail = null);

/// <summary>Which breakdown; its name in lower case is the <c>by</c> of the whole list's address.</summary>
public enum BreakdownKind
{
    Report,
    Year,
    Addressee,
    Unit,
    FocalPoint,
}

/// <summary>What a breakdown's table shows: some of its rows, and a sentence saying which.</summary>
public sealed record BreakdownTable(Breakdown Breakdown, IReadOnlyList<BreakdownRow> Rows, string? WhichRows);
