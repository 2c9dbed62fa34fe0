using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Reports;

public class IndexModel(JiuDbContext db) : PageModel
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Reports = await db.Reports.AsNoTracking()
            .InListOrder()
            .Select(r => new ReportRow(
                r.Id, r.Symbol, r.Title,
                r.Recommendations.Count(x => x.WithdrawnAt == null),
                r.Recommendations.Count(x => x.WithdrawnAt != null),
                r.FocalPoints.Count))
            .ToListAsync(ct);

    public sealed record ReportRow(int Id, string Symbol, string Title, int InForce, int Withdrawn, int FocalPoints);
}
