using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.FocalPoints;

public class CreateModel(JiuDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public FocalPointInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await FocalPointRules.IsTakenAsync(db, Input, null, ct))
        {
            ModelState.AddModelError("Input.Name", FocalPointRules.TakenMessage(Input));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var focalPoint = new FocalPoint(Input.Title ?? "", Input.Name, Input.Unit);
        db.FocalPoints.Add(focalPoint);
        db.RecordAdminChange(this.Stamp(time), AdminAction.FocalPointCreated, focalPoint.NameWithUnit,
            $"Registered {FocalPointRules.Display(focalPoint)}.");
        if (!await FocalPointRules.TrySaveAsync(db, ModelState, Input, null, ct))
        {
            return Page();
        }

        TempData["Status"] = $"{focalPoint.NameWithUnit} registered. Link an account here; assign reports on each report's page.";
        return RedirectToPage("/Admin/FocalPoints/Edit", new { id = focalPoint.Id });
    }
}

/// <summary>The same name in the same unit is the same person (as the importer assumes): registered once.</summary>
internal static class FocalPointRules
{
    public static Task<bool> IsTakenAsync(JiuDbContext db, FocalPointInput input, int? exceptId, CancellationToken ct)
    {
        var (name, unit) = (input.Name.Trim(), input.Unit.Trim());
        return db.FocalPoints.AnyAsync(f => f.Name == name && f.Unit == unit && f.Id != exceptId, ct);
    }

    /// <summary>Saves; when the same person was registered meanwhile, says so on the form as the check would have.</summary>
    public static Task<bool> TrySaveAsync(JiuDbContext db, ModelStateDictionary modelState, FocalPointInput input, int? exceptId, CancellationToken ct) =>
        db.TrySaveUniqueAsync(modelState, "Input.Name", UniqueSave.When((fresh, token) => IsTakenAsync(fresh, input, exceptId, token), TakenMessage(input)), ct);

    public static string TakenMessage(FocalPointInput input) =>
        $"{input.Name.Trim()} ({input.Unit.Trim()}) is already registered as a focal point.";

    public static string Display(FocalPoint focalPoint) =>
        new FocalPointName(focalPoint.Title, focalPoint.Name, focalPoint.Unit).ToString();
}
