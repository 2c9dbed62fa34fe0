using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.FocalPoints;

public class IndexModel(JiuDbContext db) : PageModel
{
    public IReadOnlyList<Row> FocalPoints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var people = await db.FocalPoints.AsNoTracking()
            .OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Title, f.Name, f.Unit, f.UserId, Reports = f.Reports.OrderBy(r => r.Symbol).Select(r => r.Symbol).ToList() })
            .ToListAsync(ct);
        var userIds = people.Where(p => p.UserId != null).Select(p => p.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        FocalPoints = [.. people.Select(p => new Row(
            p.Id, new FocalPointName(p.Title, p.Name, p.Unit), p.Reports, p.UserId is null ? null : emails.GetValueOrDefault(p.UserId)))];
    }

    public sealed record Row(int Id, FocalPointName Name, IReadOnlyList<string> Reports, string? Account);
}
