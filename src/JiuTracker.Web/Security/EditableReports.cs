using System.Security.Claims;
using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Security;

/// <summary>
/// The one rule of who edits which report: administrators every report, a focal point the reports assigned to them,
/// nobody else. The <see cref="Policies.EditReport"/> policy asks it about one report; lists ask it once for all their rows.
/// </summary>
public sealed class EditableReports(JiuDbContext db)
{
    /// <summary>The reports a user is a focal point of (their own reports), whatever else they may edit.</summary>
    public IQueryable<int> AssignedTo(ClaimsPrincipal user) =>
        AssignedTo(db, user.IsInRole(Roles.FocalPoint) ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null);

    /// <summary>
    /// The reports assigned to the account (through the focal point linked to it), as a query other queries take in:
    /// the dashboard's "my reports" filter, which knows the user by id only. None for no account.
    /// </summary>
    public static IQueryable<int> AssignedTo(JiuDbContext db, string? userId) =>
        userId is null
            ? db.Reports.Where(_ => false).Select(r => r.Id)
            : db.Reports.Where(r => r.FocalPoints.Any(p => p.UserId == userId)).Select(r => r.Id);

    /// <summary>
    /// Whether the user may edit some report: an administrator, or a focal point (of whatever reports, maybe none
    /// yet). The pages and command that record statuses of several reports at once open to them.
    /// </summary>
    public static bool MayEditSome(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.FocalPoint);

    /// <summary>Asks the database only about a focal point: for every other role the answer is known.</summary>
    public async Task<bool> MayEditAsync(ClaimsPrincipal user, int reportId, CancellationToken ct = default) =>
        user.IsInRole(Roles.Administrator) || (user.IsInRole(Roles.FocalPoint) && await AssignedTo(user).ContainsAsync(reportId, ct));

    /// <summary>Which reports the user may edit, asked once for a whole list; <see cref="Editable.Key"/> tells apart the lists rendered for each.</summary>
    public async Task<Editable> ForAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(Roles.Administrator) ? Editable.Every
        : user.IsInRole(Roles.FocalPoint) ? new Editable(user.FindFirstValue(ClaimTypes.NameIdentifier), (await AssignedTo(user).ToListAsync(ct)).ToHashSet())
        : Editable.None;

    /// <param name="Key">The same for every reader who may edit the same reports: kept renderings vary by it.</param>
    public sealed record Editable(string? Key, IReadOnlySet<int>? Reports)
    {
        public static readonly Editable Every = new("every", null);
        public static readonly Editable None = new("none", new HashSet<int>());

        public bool Contains(int reportId) => Reports?.Contains(reportId) ?? true;
    }
}
