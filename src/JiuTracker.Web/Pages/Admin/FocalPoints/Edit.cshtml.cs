using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.FocalPoints;

/// <summary>Correct a focal point's title, name or unit, and link the account they sign in with (or unlink it).</summary>
public class EditModel(JiuDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public FocalPointInput Input { get; set; } = new();

    public int FocalPointId { get; private set; }

    public string Heading { get; private set; } = "";

    public string? LinkedUserId { get; private set; }

    public IReadOnlyList<AccountOption> Accounts { get; private set; } = [];

    public IReadOnlyList<string> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var focalPoint = await db.FocalPoints.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (focalPoint is null)
        {
            return NotFound();
        }

        Input = new FocalPointInput { Title = focalPoint.Title, Name = focalPoint.Name, Unit = focalPoint.Unit };
        await LoadAsync(focalPoint, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var focalPoint = await db.FocalPoints.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (focalPoint is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && await FocalPointRules.IsTakenAsync(db, Input, id, ct))
        {
            ModelState.AddModelError("Input.Name", FocalPointRules.TakenMessage(Input));
        }

        var before = FocalPointRules.Display(focalPoint);
        if (ModelState.IsValid)
        {
            focalPoint.Revise(Input.Title ?? "", Input.Name, Input.Unit);
            if (FocalPointRules.Display(focalPoint) == before)
            {
                ModelState.AddModelError(string.Empty, "Nothing to save: the focal point is as stored.");
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(focalPoint, ct);
            return Page();
        }

        db.RecordAdminChange(this.Stamp(time), AdminAction.FocalPointRevised, before, AdminAuditLog.Change("Focal point", before, FocalPointRules.Display(focalPoint)));
        if (!await FocalPointRules.TrySaveAsync(db, ModelState, Input, id, ct))
        {
            await LoadAsync(focalPoint, ct);
            return Page();
        }

        TempData["Status"] = $"{focalPoint.NameWithUnit} saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, string? userId, CancellationToken ct)
    {
        // This form posts only the account: the name fields are not in question.
        ModelState.Clear();
        var focalPoint = await db.FocalPoints.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (focalPoint is null)
        {
            return NotFound();
        }

        Input = new FocalPointInput { Title = focalPoint.Title, Name = focalPoint.Name, Unit = focalPoint.Unit };
        var account = string.IsNullOrEmpty(userId) ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (!string.IsNullOrEmpty(userId) && account is null)
        {
            ModelState.AddModelError("userId", "That account does not exist (any more); choose one from the list.");
        }
        else if ((userId ?? "") == (focalPoint.UserId ?? ""))
        {
            ModelState.AddModelError("userId", "Nothing to save: that is the account linked already.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(focalPoint, ct);
            return Page();
        }

        var previous = focalPoint.UserId is null ? null : await db.Users.Where(u => u.Id == focalPoint.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (account is null)
        {
            focalPoint.UnlinkUser();
        }
        else
        {
            focalPoint.LinkToUser(account.Id);
        }

        db.RecordAdminChange(this.Stamp(time), AdminAction.FocalPointLinked, focalPoint.NameWithUnit, AdminAuditLog.Change("Account", previous, account?.Email));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = account is null ? $"{focalPoint.NameWithUnit} has no linked account now." : $"{focalPoint.NameWithUnit} signs in as {account.Email}.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(FocalPoint focalPoint, CancellationToken ct)
    {
        FocalPointId = focalPoint.Id;
        var stored = await db.FocalPoints.AsNoTracking().Where(f => f.Id == focalPoint.Id)
            .Select(f => new { f.Title, f.Name, f.Unit, f.UserId, Reports = f.Reports.OrderBy(r => r.Symbol).Select(r => r.Symbol).ToList() })
            .SingleAsync(ct);
        Heading = new FocalPointName(stored.Title, stored.Name, stored.Unit).ToString();
        LinkedUserId = stored.UserId;
        Reports = stored.Reports;
        Accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new AccountOption(u.Id, u.Email ?? u.UserName ?? u.Id)).ToListAsync(ct);
    }

    public sealed record AccountOption(string Id, string Email);
}
