using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Accounts;

/// <summary>An account's roles, disabling and re-enabling it, unlocking it after failed sign-ins, and a password reset; the rules are <see cref="AccountAdministration"/>'s.</summary>
public class EditModel(JiuDbContext db, UserManager<IdentityUser> users, AccountAdministration accounts, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IdentityUser Account { get; private set; } = null!;

    public bool IsDisabled => AccountStatus.IsDisabled(Account);

    public bool IsLocked => AccountStatus.IsLockedAfterFailedSignIns(Account.LockoutEnd, time.GetUtcNow());

    /// <summary>Disabled, locked after failed sign-ins until when, or enabled, as the accounts list says it.</summary>
    public string State => AccountStatus.InWords(Account.LockoutEnd, time.GetUtcNow());

    public string? FocalPoint { get; private set; }

    /// <summary>The provider's identities the account signs in with (decision 042).</summary>
    public IReadOnlyList<SingleSignOnLogin> SingleSignOnLogins { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Roles = [.. await users.GetRolesAsync(Account)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await accounts.SetRolesAsync(Account, Input.Roles.Distinct().ToList(), this.Stamp(time), ct);
        return Done(result, $"Roles of {Account.Email} saved.");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        await OtherActionAsync(id, () => accounts.DisableAsync(Account, this.Stamp(time), ct), "disabled; it can no longer sign in", ct);

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        await OtherActionAsync(id, () => accounts.EnableAsync(Account, this.Stamp(time), ct), "enabled; it can sign in again", ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        await OtherActionAsync(id, () => accounts.UnlockAsync(Account, this.Stamp(time), ct), "unlocked; it can sign in with its password now", ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, string? newPassword, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            ModelState.Clear();
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            Input.Roles = [.. await users.GetRolesAsync(Account)];
            ModelState.AddModelError("newPassword", "Enter the new password.");
            return Page();
        }

        return await OtherActionAsync(id, () => accounts.ResetPasswordAsync(Account, newPassword, this.Stamp(time), ct),
            "given a new password; its sessions were ended", ct, "newPassword");
    }

    /// <summary>Disable, enable, unlock, reset: forms that post no roles, so the roles shown stay the stored ones.</summary>
    private async Task<IActionResult> OtherActionAsync(string id, Func<Task<AccountResult>> action, string done, CancellationToken ct, string? field = null)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Roles = [.. await users.GetRolesAsync(Account)];
        var result = await action();
        if (!result.Succeeded && field is not null)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(field, error.Message);
            }

            return Page();
        }

        return Done(result, $"{Account.Email} {done}.");
    }

    private IActionResult Done(AccountResult result, string status)
    {
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result);
            return Page();
        }

        TempData["Status"] = status;
        return RedirectToPage(new { id = Account.Id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }

        Account = user;
        var focalPoint = await db.FocalPoints.AsNoTracking().Where(f => f.UserId == id).Select(f => new { f.Title, f.Name, f.Unit }).FirstOrDefaultAsync(ct);
        FocalPoint = focalPoint is null ? null : new FocalPointName(focalPoint.Title, focalPoint.Name, focalPoint.Unit).ToString();
        SingleSignOnLogins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == id).OrderBy(l => l.LoginProvider)
            .Select(l => new SingleSignOnLogin(l.ProviderDisplayName ?? l.LoginProvider, l.LoginProvider, l.ProviderKey)).ToListAsync(ct);
        return true;
    }

    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];
    }

    public sealed record SingleSignOnLogin(string DisplayName, string Provider, string Subject);
}
