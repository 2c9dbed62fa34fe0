using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Audit;

/// <summary>The log of administrative changes, newest first, for administrators and auditors.</summary>
public class IndexModel(JiuDbContext db) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        Total = await db.AdminAudit.CountAsync(ct);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Entries = await db.AdminAudit.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Entry(a.At, a.By, a.Action, a.Subject, a.Details))
            .ToListAsync(ct);
    }

    public sealed record Entry(DateTimeOffset At, string By, AdminAction Action, string Subject, string Details);
}
