using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

public static class ReportFocalPoints
{
    /// <summary>
    /// The focal points of some reports, by report id, in name order. A flat join: a focal-point collection inside a
    /// report projection becomes a join to a subquery over every assignment, whose cost grows with the database.
    /// </summary>
    public static async Task<ILookup<int, FocalPointName>> FocalPointsByReportAsync(this IQueryable<Report> reports, CancellationToken ct)
    {
        var assignments = await reports.AsNoTracking()
            .SelectMany(r => r.FocalPoints, (r, f) => new { ReportId = r.Id, f.Title, f.Name, f.Unit })
            .OrderBy(f => f.ReportId).ThenBy(f => f.Name)
            .ToListAsync(ct);
        return assignments.ToLookup(f => f.ReportId, f => new FocalPointName(f.Title, f.Name, f.Unit));
    }
}
