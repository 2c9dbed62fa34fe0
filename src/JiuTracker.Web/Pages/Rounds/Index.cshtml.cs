using JiuTracker.Web.Data;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Rounds;

/// <summary>The follow-up rounds, open ones first: who opened each, its due date, and a way to its progress.</summary>
public class IndexModel(JiuDbContext db) : PageModel
{
    public IReadOnlyList<Listed> Rounds { get; private set; } = [];

    public bool MayRun => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Coordinator);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.FollowUpRounds.AsNoTracking()
            .OrderBy(r => r.ClosedAt != null).ThenByDescending(r => r.OpenedAt)
            .Select(r => new Listed(r.Id, r.Name, r.DueDate, r.OpenedBy, r.OpenedAt, r.ClosedAt, r.Reports.Count, r.Recommendations.Count(x => x.Asked)))
            .ToListAsync(ct);
    }

    public sealed record Listed(int Id, string Name, DateOnly DueDate, string OpenedBy, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, int Reports, int Asked);
}
