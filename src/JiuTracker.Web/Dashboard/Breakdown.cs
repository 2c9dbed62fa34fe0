namespace JiuTracker.Web.Dashboard;

/// <summary>Figures per report, per year, per addressee, per unit or per focal point.</summary>
/// <param name="Note">What a reader must know to add the rows up, e.g. that a report with two units counts in both.</param>
public sealed record Breakdown(string Title, string KeyHeader, IReadOnlyList<BreakdownRow> Rows, string? Note = null);

/// <param name="Filter">The dashboard's filter narrowed to this row, for its links.</param>
public sealed record BreakdownRow(string Label, RecommendationFilter Filter, FigureCounts Counts, string? Detail = null);
