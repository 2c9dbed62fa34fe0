using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>The choices the filter form offers: the years, reports and units that exist.</summary>
/// <param name="ReportsPerYear">How many reports each year has, so a list of reports knows its length without counting them.</param>
/// <param name="Reports">Every report, for a list to choose from; empty when there are more than <see cref="MaxListedReports"/>,
/// and the form then asks for the symbol instead, so the form's size does not grow with the database.</param>
public sealed record FilterOptions(IReadOnlyDictionary<int, int> ReportsPerYear, IReadOnlyList<(string Symbol, string Title)> Reports, IReadOnlyList<string> Units)
{
    /// <summary>The years that have reports, latest first.</summary>
    public IReadOnlyList<int> Years { get; } = [.. ReportsPerYear.Keys.OrderDescending()];

    public const int MaxListedReports = 200;

    public static async Task<FilterOptions> LoadAsync(JiuDbContext db, CancellationToken ct)
    {
        var perYear = await db.Reports.GroupBy(r => r.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToDictionaryAsync(y => y.Year, y => y.Count, ct);
        var reports = await db.Reports.InListOrder()
            .Select(r => new { r.Symbol, r.Title }).Take(MaxListedReports + 1).ToListAsync(ct);
        reports = reports.Count > MaxListedReports ? [] : reports;
        var units = await db.FocalPoints.Select(f => f.Unit).Distinct().OrderBy(u => u).ToListAsync(ct);
        return new FilterOptions(perYear, [.. reports.Select(r => (r.Symbol, r.Title))], units);
    }
}
