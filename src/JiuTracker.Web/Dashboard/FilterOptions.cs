using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>The choices the filter form offers: the years, reports and units that exist.</summary>
/// <param name="Reports">Every report, for a list to choose from; empty when there are more than <see cref="MaxListedReports"/>,
/// and the form then asks for the symbol instead, so the form's size does not grow with the database.</param>
public sealed record FilterOptions(IReadOnlyList<int> Years, IReadOnlyList<(string Symbol, string Title)> Reports, IReadOnlyList<string> Units)
{
    public const int MaxListedReports = 200;

    public static async Task<FilterOptions> LoadAsync(JiuDbContext db, CancellationToken ct)
    {
        var years = await db.Reports.Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var reports = await db.Reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number)
            .Select(r => new { r.Symbol, r.Title }).Take(MaxListedReports + 1).ToListAsync(ct);
        reports = reports.Count > MaxListedReports ? [] : reports;
        var units = await db.FocalPoints.Select(f => f.Unit).Distinct().OrderBy(u => u).ToListAsync(ct);
        return new FilterOptions(years, [.. reports.Select(r => (r.Symbol, r.Title))], units);
    }
}
