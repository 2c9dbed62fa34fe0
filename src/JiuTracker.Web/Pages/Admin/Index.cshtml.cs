using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin;

/// <summary>The administrator's home: the sections, with how many of each there are.</summary>
public class IndexModel(JiuDbContext db) : PageModel
{
    public Totals Counts { get; private set; } = new(0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Counts = new Totals(await db.Reports.CountAsync(ct), await db.FocalPoints.CountAsync(ct), await db.Users.CountAsync(ct));

    public sealed record Totals(int Reports, int FocalPoints, int Accounts);
}
