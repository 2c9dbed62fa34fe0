using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Evidence;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Recommendations;

/// <summary>
/// The files supporting a recommendation's status, with their SHA-256; its report's focal points and administrators
/// attach files and withdraw wrong ones (with a reason). Readable like the recommendation: by every signed-in user,
/// a withdrawn recommendation's and withdrawn files only by those who may read withdrawn records.
/// </summary>
[RequestSizeLimit(EvidenceOptions.LargestUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceOptions.LargestUploadRequestBytes)]
public class EvidenceModel(JiuDbContext db, IAuthorizationService authorization, IOptions<EvidenceOptions> options, TimeProvider time) : PageModel
{
    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    [BindProperty]
    public WithdrawInput Withdraw { get; set; } = new();

    public Heading Recommendation { get; private set; } = null!;

    public IReadOnlyList<FileRow> Files { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>How often a save meeting another save of the recommendation is tried before the user is asked to try again.</summary>
    private const int SaveAttempts = 3;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Upload.EffectiveOn = Today;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadEditableAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var problems = Domain.Recommendation.EvidenceProblems(Upload.Description, Upload.EffectiveOn, Today);
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError($"{nameof(Upload)}.{field}", message);
        }

        CheckedFile? checkedFile = null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", file is null ? "Choose the file to attach." : $"{DownloadName.Of(file.FileName)} is empty. Nothing was stored.");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            (checkedFile, var refusal) = await EvidenceTypes.ReadAsync(stream, file.FileName, MaxFileBytes, ct);
            if (refusal is not null)
            {
                ModelState.AddModelError("file", refusal);
            }
        }

        if (!ModelState.IsValid || checkedFile is null)
        {
            return Page();
        }

        // Attaching does not depend on the recommendation's statuses or comments: when someone else saved it between
        // reading and writing, the file is attached again to the recommendation as it is now.
        for (var attempt = 1; ; attempt++)
        {
            var recommendation = await db.Recommendations.SingleAsync(r => r.Id == id, ct);
            try
            {
                recommendation.AttachEvidence(checkedFile, Upload.Description, Upload.EffectiveOn, this.Stamp(time));
            }
            catch (DomainRuleException rule)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(string.Empty, rule.Message);
                return Page();
            }

            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (attempt == SaveAttempts)
                {
                    ModelState.AddModelError(string.Empty, $"Nothing was stored: others saved this recommendation at the same moment, {SaveAttempts} times. Attach {checkedFile.FileName} again.");
                    await LoadAsync(id, ct);
                    return Page();
                }
            }
        }

        TempData["Status"] = $"{checkedFile.FileName} was attached ({checkedFile.Kind}, SHA-256 {checkedFile.Sha256}).";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (await LoadEditableAsync(id, ct) is { } refused)
        {
            return refused;
        }

        // As attaching: a save of the recommendation by someone else meanwhile does not change what is withdrawn, so the
        // withdrawal is made again on the file and recommendation as they are now (already withdrawn is then refused).
        EvidenceFile? evidence;
        for (var attempt = 1; ; attempt++)
        {
            evidence = Withdraw.EvidenceId is { } evidenceId
                ? await db.Evidence.Include(e => e.Withdrawal).SingleOrDefaultAsync(e => e.Id == evidenceId && e.RecommendationId == id, ct)
                : null;
            if (evidence is null)
            {
                ModelState.AddModelError($"{nameof(Withdraw)}.{nameof(WithdrawInput.EvidenceId)}", "Choose a file of this recommendation to withdraw; the form named none.");
                return Page();
            }

            var recommendation = await db.Recommendations.SingleAsync(r => r.Id == id, ct);
            try
            {
                recommendation.WithdrawEvidence(evidence, Withdraw.Reason, this.Stamp(time));
            }
            catch (DomainRuleException rule)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError($"{nameof(Withdraw)}.{nameof(WithdrawInput.Reason)}", rule.Message);
                return Page();
            }

            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (attempt == SaveAttempts)
                {
                    ModelState.AddModelError($"{nameof(Withdraw)}.{nameof(WithdrawInput.Reason)}", $"Nothing was stored: others saved this recommendation at the same moment, {SaveAttempts} times. Withdraw {evidence.FileName} again.");
                    await LoadAsync(id, ct);
                    return Page();
                }
            }
        }

        TempData["Status"] = $"{evidence.FileName} was withdrawn; it stays listed for auditors and administrators.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadEditableAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        return CanEdit ? null : Forbid();
    }

    /// <returns>null when the recommendation exists and the user may read it; otherwise the response to send.</returns>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var heading = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new Heading(r.Id, r.Number, r.Text, r.ReportId, r.Report.Symbol, r.WithdrawnAt != null))
            .SingleOrDefaultAsync(ct);
        var mayReadWithdrawn = ExportReaders.MayReadWithdrawn(User);
        if (heading is null || (heading.Withdrawn && !mayReadWithdrawn))
        {
            return NotFound();
        }

        Recommendation = heading;
        CanEdit = (await authorization.AuthorizeAsync(User, new EditedReport(heading.ReportId), Policies.EditReport)).Succeeded;
        Files = await db.Evidence.AsNoTracking()
            .Where(e => e.RecommendationId == id && (mayReadWithdrawn || e.Withdrawal == null))
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new FileRow(
                e.Id, e.FileName, e.Kind, e.Size, e.Sha256, e.Description, e.EffectiveOn, e.UploadedBy, e.UploadedAt,
                e.Withdrawal == null ? null : new WithdrawalView(e.Withdrawal.Reason, e.Withdrawal.WithdrawnBy, e.Withdrawal.WithdrawnAt)))
            .ToListAsync(ct);
        return null;
    }

    public sealed record Heading(int Id, int Number, string Text, int ReportId, string ReportSymbol, bool Withdrawn);

    public sealed record FileRow(
        int Id, string FileName, string Kind, long Size, string Sha256, string Description, DateOnly EffectiveOn, string UploadedBy,
        DateTimeOffset UploadedAt, WithdrawalView? Withdrawal)
    {
        public string SizeText => Size switch
        {
            < 1024 => $"{Size} bytes",
            < 1024 * 1024 => $"{Size / 1024.0:0.#} KB",
            _ => $"{Size / (1024.0 * 1024):0.#} MB",
        };
    }

    public sealed record WithdrawalView(string Reason, string By, DateTimeOffset At);

    public sealed class UploadInput
    {
        public string? Description { get; set; }

        public DateOnly? EffectiveOn { get; set; }
    }

    public sealed class WithdrawInput
    {
        public int? EvidenceId { get; set; }

        public string? Reason { get; set; }
    }
}
