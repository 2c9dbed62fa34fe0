using JiuTracker.Web.Data;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Accounts;

public class IndexModel(JiuDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        Accounts = [.. users.Select(u => new Row(
            u.Id, u.Email ?? u.UserName ?? u.Id,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            AccountStatus.InWords(u.LockoutEnd, now)))];
    }

    /// <param name="State">Disabled, locked after failed sign-ins until when, or enabled, in words.</param>
    public sealed record Row(string Id, string Email, IReadOnlyList<string> Roles, string State);
}
