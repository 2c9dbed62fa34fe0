using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>The choices the filter form offers: the years, reports and units that exist.</summary>
public sealed record FilterOptions(IReadOnlyList<int> Years, IReadOnlyList<(string Symbol, string Title)> Reports, IReadOnlyList<string> Units)
{
    public static async Task<FilterOptions> LoadAsync(JiuDbContext db, CancellationToken ct)
    {
        var years = await db.Reports.Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var reports = await db.Reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number)
            .Select(r => new { r.Symbol, r.Title }).ToListAsync(ct);
        var units = await db.FocalPoints.Select(f => f.Unit).Distinct().OrderBy(u => u).ToListAsync(ct);
        return new FilterOptions(years, [.. reports.Select(r => (r.Symbol, r.Title))], units);
    }
}
