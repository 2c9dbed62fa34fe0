using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Reports;

/// <summary>
/// A focal point's starting point after sign-in: the reports they follow up, each with how many of its
/// recommendations need an update (<see cref="Figure.NeedsUpdate"/>) and a way straight into editing them.
/// </summary>
public class MineModel(JiuDbContext db, FigureDefinitions definitions, EditableReports editable) : PageModel
{
    public IReadOnlyList<OwnReport> Reports { get; private set; } = [];

    /// <summary>Claimed implementations of these reports a coordinator returned, until their status is stated again.</summary>
    public IReadOnlyList<ReturnedClaim> Returned { get; private set; } = [];

    public FigureDefinitions.Definition NeedsUpdate => definitions[Figure.NeedsUpdate];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var own = editable.AssignedTo(User);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => own.Contains(r.Id))
            .InListOrder()
            .Select(r => new { r.Id, r.Symbol, r.Title, InForce = r.Recommendations.AsQueryable().Where(RecommendationQueries.IsInForce).Count() })
            .ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var needing = await RecommendationFacts.Query(db)
            .Where(f => ids.Contains(f.ReportId))
            .Where(NeedsUpdate.Predicate)
            .GroupBy(f => f.ReportId)
            .Select(g => new { ReportId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ReportId, g => g.Count, ct);
        Reports = [.. reports.Select(r => new OwnReport(r.Id, r.Symbol, r.Title, r.InForce, needing.GetValueOrDefault(r.Id)))];
        Returned = await db.Recommendations.AsNoTracking().InForce()
            .Where(r => ids.Contains(r.ReportId) && r.ClaimReturnedAt != null)
            .OrderByDescending(r => r.ClaimReturnedAt).ThenBy(r => r.Id)
            .Select(r => new ReturnedClaim(r.Id, r.Report.Symbol, r.Number, r.ClaimReturnReason!, r.ClaimReturnedBy!, r.ClaimReturnedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>The list of a report's recommendations that need an update, on the dashboard's drill-down page.</summary>
    public string NeedingUrl(OwnReport report) => DashboardLinks.Rows(Url, new RecommendationFilter { Report = report.Symbol }, Figure.NeedsUpdate);

    public sealed record ReturnedClaim(int Id, string ReportSymbol, int Number, string Reason, string ReturnedBy, DateTimeOffset ReturnedAt);

    public sealed record OwnReport(int Id, string Symbol, string Title, int Recommendations, int NeedingUpdate);
}
