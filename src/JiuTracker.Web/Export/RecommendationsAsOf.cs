using System.Runtime.CompilerServices;
using JiuTracker.Web.Dashboard;

namespace JiuTracker.Web.Export;

/// <summary>
/// The recommendations of a dashboard filter and figure as they stood at the end of a day: the exports' snapshots
/// (<see cref="ExportSource"/>, statuses rebuilt from the history), filtered in memory with the figure definitions of
/// that day. The recommendations CSV and the API's "as of" reads both take them from here.
/// </summary>
public static class RecommendationsAsOf
{
    /// <summary>Why a filter and figure cannot be taken as of a day, keyed <c>asOf</c>; the day's own range is checked apart.</summary>
    public static IEnumerable<(string Parameter, string Message)> Problems(RecommendationFilter filter, Figure figure)
    {
        if (filter.FocalPoint is not null || filter.IsMine)
        {
            yield return ("asOf", "cannot be combined with focalPoint or mine, which follow today's assignments.");
        }

        if (FigureDefinitions.IsAboutToday(figure))
        {
            yield return ("asOf", $"the figure {figure} is about today and cannot be taken as of a day.");
        }
    }

    /// <summary>The export scope of the filter's years and report at the end of <paramref name="asOf"/>, without withdrawn recommendations.</summary>
    public static ExportScope Scope(RecommendationFilter filter, DateOnly asOf) =>
        new ExportScope { From = filter.From, To = filter.To, Report = filter.Report is null ? null : [filter.Report], AsOf = asOf }
            .ForReader(mayReadWithdrawn: false);

    /// <summary>The snapshots in the scope that the filter's addressee and unit and the figure select, in the reports' order.</summary>
    public static async IAsyncEnumerable<(ReportSnapshot Report, RecommendationSnapshot Recommendation)> RowsAsync(
        ExportSource source, ExportScope scope, RecommendationFilter filter, FigureDefinitions.Definition figure, [EnumeratorCancellation] CancellationToken ct)
    {
        var addressee = filter.AddresseeValue;
        await foreach (var report in source.ReportsAsync(scope, ct))
        {
            if (filter.Unit is { } unit && !report.FocalPoints.Any(f => f.Unit == unit))
            {
                continue;
            }

            foreach (var recommendation in report.Recommendations.Where(r =>
                (addressee is null || r.Addressee == addressee) && figure.Matches(SnapshotFacts.Of(report, r))))
            {
                yield return (report, recommendation);
            }
        }
    }
}
