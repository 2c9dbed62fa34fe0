using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Security;
using JiuTracker.Web.Updates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Reports;

/// <summary>
/// The report's matrix in editing: every recommendation in force with its statuses and a new comment, saved by one POST.
/// A row stored at a newer version is not saved and comes back marked; an invalid row saves nothing (decision 025).
/// </summary>
public class UpdateModel(JiuDbContext db, IAuthorizationService authorization, IOptions<FollowUpOptions> followUp, TimeProvider time) : PageModel
{
    [BindProperty]
    public List<RowInput> Rows { get; set; } = [];

    public string Symbol { get; private set; } = "";

    public int ReportId { get; private set; }

    public IReadOnlyDictionary<int, Recommendation> Stored { get; private set; } = new Dictionary<int, Recommendation>();

    /// <summary>Rows another save changed after the form was opened: not saved, keyed by recommendation id.</summary>
    public HashSet<int> Conflicts { get; } = [];

    public Dictionary<int, string> RowErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } outcome)
        {
            return outcome;
        }

        Rows = [.. Stored.Values.Select(r => new RowInput
        {
            Id = r.Id, Acceptance = r.Acceptance, Implementation = r.StatedImplementation, Version = r.Version,
            ShownAcceptance = r.Acceptance, ShownImplementation = r.StatedImplementation,
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } outcome)
        {
            return outcome;
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "Nothing was saved: correct the rows marked below.");
            return Page();
        }

        var foreign = Rows.Where(r => !Stored.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        if (foreign.Count > 0 || Rows.Select(r => r.Id).Distinct().Count() != Rows.Count)
        {
            ModelState.AddModelError(string.Empty, "Nothing was saved: the form names recommendations that are not in this report, or one twice. Reload the page.");
            return Page();
        }

        // A save that meets another one committed between reading the rows and writing them is tried once more on the
        // rows as they are now: those the other save changed come back marked as stale, the others are saved.
        List<int> saved;
        for (var attempt = 1; ; attempt++)
        {
            saved = ApplyRows();
            if (RowErrors.Count > 0)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(string.Empty, $"Nothing was saved: {RowErrors.Count} row(s) break a rule, marked below.");
                return Page();
            }

            try
            {
                await db.SaveDetectingChangesOnceAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
                await LoadAsync(id, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(string.Empty, "Nothing was saved: others saved this report at the same moment, twice. Save again.");
                await LoadAsync(id, ct);
                return Page();
            }
        }

        var status = $"{saved.Count} recommendation(s) saved.";
        if (Conflicts.Count == 0)
        {
            TempData["Status"] = status;
            return RedirectToPage("/Reports/Details", new { id });
        }

        var notSaved = string.Join(", ", Conflicts.Select(c => Stored[c].Number));
        ModelState.AddModelError(string.Empty,
            $"{status} Not saved, because someone else saved them after you opened the form: recommendation(s) {notSaved}. " +
            "Their stored values are shown beside your choices; save again to replace them with yours.");
        return Page();
    }

    /// <summary>
    /// Changes every fresh, changed row through the domain; returns the ids of the rows changed. A row once found stale
    /// stays so for this request, even when a second attempt reads it again.
    /// </summary>
    private List<int> ApplyRows()
    {
        var stamp = this.Stamp(time);
        var changed = new List<int>();
        foreach (var row in Rows.Where(r => !Conflicts.Contains(r.Id)))
        {
            var recommendation = Stored[row.Id];
            var change = new StatusChange(row.Acceptance, row.Implementation, row.NewComment, row.Version!.Value, row.ShownAcceptance, row.ShownImplementation);
            var outcome = change.Apply(recommendation, stamp, followUp.Value.Closure);
            switch (outcome.Kind)
            {
                case StatusChangeKind.Changed:
                    changed.Add(row.Id);
                    break;
                case StatusChangeKind.RuleBroken:
                    RowErrors[row.Id] = outcome.Rule!;
                    break;
                case StatusChangeKind.Stale:
                    Conflicts.Add(row.Id);
                    // The form now builds on the stored version, so saving again is a deliberate overwrite.
                    var prefix = $"{nameof(Rows)}[{Rows.IndexOf(row)}].";
                    ModelState.Remove(prefix + nameof(RowInput.Version));
                    ModelState.Remove(prefix + nameof(RowInput.ShownAcceptance));
                    ModelState.Remove(prefix + nameof(RowInput.ShownImplementation));
                    row.Version = recommendation.Version;
                    row.ShownAcceptance = recommendation.Acceptance;
                    row.ShownImplementation = recommendation.StatedImplementation;
                    break;
            }
        }

        return changed;
    }

    /// <returns>null when the report exists and the user may edit it; otherwise the response to send.</returns>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, new EditedReport(id), Policies.EditReport)).Succeeded)
        {
            return Forbid();
        }

        var symbol = await db.Reports.Where(r => r.Id == id).Select(r => r.Symbol).SingleOrDefaultAsync(ct);
        if (symbol is null)
        {
            return NotFound();
        }

        Symbol = symbol;
        ReportId = id;
        var rows = await db.Recommendations.InForce().Where(r => r.ReportId == id).OrderBy(r => r.Number).ToListAsync(ct);
        Stored = rows.ToDictionary(r => r.Id);
        return null;
    }

    public sealed class RowInput
    {
        public int Id { get; set; }

        [EnumDataType(typeof(Acceptance), ErrorMessage = "Choose one of the listed acceptance values.")]
        public Acceptance? Acceptance { get; set; }

        [EnumDataType(typeof(ImplementationStatus), ErrorMessage = "Choose one of the listed implementation statuses.")]
        public ImplementationStatus? Implementation { get; set; }

        [StringLength(Comment.MaxLength, ErrorMessage = Comment.TooLongMessage)]
        public string? NewComment { get; set; }

        /// <summary>The acceptance the form showed: a row left as shown is not saved, even if someone changed it since.</summary>
        [EnumDataType(typeof(Acceptance), ErrorMessage = "The form is damaged (a row's shown acceptance is not a listed value); reload the page.")]
        public Acceptance? ShownAcceptance { get; set; }

        [EnumDataType(typeof(ImplementationStatus), ErrorMessage = "The form is damaged (a row's shown implementation status is not a listed value); reload the page.")]
        public ImplementationStatus? ShownImplementation { get; set; }

        [Required(ErrorMessage = "The form is incomplete (a row's version is missing); reload the page and try again.")]
        public int? Version { get; set; }
    }
}
