using JiuTracker.Web.Data;
using JiuTracker.Web.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Validation;

/// <summary>
/// The validation queue: every claimed implementation awaiting a coordinator's decision, oldest claim first, with its
/// evidence one click away (decision 032).
/// </summary>
public class IndexModel(JiuDbContext db, IOptions<FollowUpOptions> followUp) : PageModel
{
    public const int ClaimsPerPage = 100;

    public IReadOnlyList<Claim> Claims { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The page of the queue shown, from 1 (kept within the pages there are).</summary>
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Total + ClaimsPerPage - 1) / ClaimsPerPage);

    public bool ValidationOn => followUp.Value.ValidateImplementation;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var claims = db.Recommendations.AsNoTracking().InForce().Where(r => r.ClaimedAt != null);
        Total = await claims.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Claims = await claims
            .OrderBy(r => r.ClaimedAt).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * ClaimsPerPage).Take(ClaimsPerPage)
            .Select(r => new Claim(
                r.Id, r.Report.Symbol, r.Number, r.Text, r.Implementation, r.ClaimedBy!, r.ClaimedAt!.Value,
                r.Evidence.Count(e => e.Withdrawal == null)))
            .ToListAsync(ct);
    }

    public bool IsOwn(Claim claim) => Domain.ClosureClaims.IsClaimer(claim.ClaimedBy, User.Identity?.Name);

    public sealed record Claim(
        int Id, string ReportSymbol, int Number, string Text, Domain.ImplementationStatus? RecordedImplementation, string ClaimedBy, DateTimeOffset ClaimedAt, int EvidenceFiles);
}
