using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.ReadModels;

/// <summary>A focal point as pages show it: "Mr. Anders Norsker (GS/IS)".</summary>
public sealed record FocalPointName(string Title, string Name, string Unit)
{
    public override string ToString() => FocalPoint.WithTitleAndUnit(Title, Name, Unit);

    /// <summary>
    /// The focal points of some reports, by report id, in name order. A flat join: a focal-point collection inside a
    /// report projection becomes a join to a subquery over every assignment, whose cost grows with the database.
    /// </summary>
    public static async Task<ILookup<int, FocalPointName>> OfReportsAsync(JiuDbContext db, IReadOnlyCollection<int> reportIds, CancellationToken ct)
    {
        var assignments = await db.Reports.AsNoTracking()
            .Where(r => reportIds.Contains(r.Id))
            .SelectMany(r => r.FocalPoints, (r, f) => new { ReportId = r.Id, f.Title, f.Name, f.Unit })
            .OrderBy(f => f.ReportId).ThenBy(f => f.Name)
            .ToListAsync(ct);
        return assignments.ToLookup(f => f.ReportId, f => new FocalPointName(f.Title, f.Name, f.Unit));
    }
}
