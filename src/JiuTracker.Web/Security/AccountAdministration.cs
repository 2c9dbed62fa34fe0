using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Security;

/// <summary>
/// The rules for accounts: unique e-mail, at least one known role, the last administrator stays, a disabled account
/// keeps its history, only a locked account is unlocked. Each change runs in one transaction with its audit entry.
/// </summary>
public sealed class AccountAdministration(JiuDbContext db, UserManager<IdentityUser> users)
{
    public async Task<AccountResult> CreateAsync(string email, IReadOnlyCollection<string> roles, string password, ChangeStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(roles);
        email = (email ?? "").Trim();
        var errors = RoleErrors(roles);
        if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new AccountError(AccountField.Email, $"An account with the e-mail address {email} already exists."));
        }

        if (errors.Count > 0)
        {
            return AccountResult.Failed(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles);
        }

        if (!result.Succeeded)
        {
            return AccountResult.Failed(result);
        }

        db.RecordAdminChange(stamp, AdminAction.AccountCreated, email, $"Account created with the roles {string.Join(", ", roles)}.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AccountResult.Success(user.Id);
    }

    public async Task<AccountResult> SetRolesAsync(IdentityUser user, IReadOnlyCollection<string> roles, ChangeStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var errors = RoleErrors(roles);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator) && await IsLastAdministratorAsync(user))
        {
            errors.Add(new AccountError(AccountField.Roles,
                $"{user.Email} is the last enabled administrator, so it keeps the Administrator role. Give another account that role first."));
        }

        if (errors.Count > 0)
        {
            return AccountResult.Failed(errors);
        }

        var added = roles.Except(current).ToList();
        var removed = current.Except(roles).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return AccountResult.Failed([new AccountError(AccountField.Roles, "Nothing to save: the account already has exactly these roles.")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = added.Count > 0 ? await users.AddToRolesAsync(user, added) : IdentityResult.Success;
        if (result.Succeeded && removed.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(user, removed);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return AccountResult.Failed(result);
        }

        db.RecordAdminChange(stamp, AdminAction.AccountRolesChanged, user.Email!,
            AdminAuditLog.Change("Roles", string.Join(", ", current.Order()), string.Join(", ", roles.Order())));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AccountResult.Success(user.Id);
    }

    /// <summary>The account can no longer sign in, and its open sessions end; everything it did stays.</summary>
    public async Task<AccountResult> DisableAsync(IdentityUser user, ChangeStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (AccountStatus.IsDisabled(user))
        {
            return AccountResult.Failed([new AccountError(AccountField.None, $"{user.Email} is already disabled.")]);
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator) && await IsLastAdministratorAsync(user))
        {
            return AccountResult.Failed([new AccountError(AccountField.None,
                $"{user.Email} is the last enabled administrator and cannot be disabled. Give another account the Administrator role first.")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, AccountStatus.DisabledUntil);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return AccountResult.Failed(result);
        }

        db.RecordAdminChange(stamp, AdminAction.AccountDisabled, user.Email!, "Account disabled; its sessions were ended.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AccountResult.Success(user.Id);
    }

    public async Task<AccountResult> EnableAsync(IdentityUser user, ChangeStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!AccountStatus.IsDisabled(user))
        {
            return AccountResult.Failed([new AccountError(AccountField.None, $"{user.Email} is not disabled.")]);
        }

        return await EndLockoutAsync(user, stamp, AdminAction.AccountEnabled, "Account enabled again.", ct);
    }

    /// <summary>Ends a lockout after failed sign-ins before its time; the count of failed attempts starts again from zero.</summary>
    public async Task<AccountResult> UnlockAsync(IdentityUser user, ChangeStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (AccountStatus.IsDisabled(user))
        {
            return AccountResult.Failed([new AccountError(AccountField.None,
                $"{user.Email} is disabled, not locked after failed sign-ins: enable the account to let it sign in again.")]);
        }

        if (user.LockoutEnd is not { } lockedUntil || !await users.IsLockedOutAsync(user))
        {
            return AccountResult.Failed([new AccountError(AccountField.None, $"{user.Email} is not locked: it can sign in with its password.")]);
        }

        return await EndLockoutAsync(user, stamp, AdminAction.AccountUnlocked,
            $"Lockout after failed sign-ins ended before its time ({AccountStatus.UntilInWords(lockedUntil)}); the count of failed attempts starts again from zero.", ct);
    }

    /// <summary>Ends the account's lockout (a disabled account's, or one after failed sign-ins) and its count of failed attempts, audited in one transaction.</summary>
    private async Task<AccountResult> EndLockoutAsync(IdentityUser user, ChangeStamp stamp, AdminAction action, string details, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return AccountResult.Failed(result);
        }

        db.RecordAdminChange(stamp, action, user.Email!, details);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AccountResult.Success(user.Id);
    }

    /// <summary>Sets a new password chosen by the administrator; the account's other sessions end.</summary>
    public async Task<AccountResult> ResetPasswordAsync(IdentityUser user, string newPassword, ChangeStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (result.Succeeded && !AccountStatus.IsDisabled(user))
        {
            // A temporary lockout after failed attempts ends with the new password; a disabled account stays disabled.
            result = await users.SetLockoutEndDateAsync(user, null);
        }

        if (!result.Succeeded)
        {
            return AccountResult.Failed(result);
        }

        db.RecordAdminChange(stamp, AdminAction.PasswordReset, user.Email!, "Password reset by an administrator; the account's sessions were ended.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AccountResult.Success(user.Id);
    }

    /// <summary>Whether no other enabled account holds the Administrator role: then this one keeps it.</summary>
    public async Task<bool> IsLastAdministratorAsync(IdentityUser user)
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return !administrators.Any(a => a.Id != user.Id && !AccountStatus.IsDisabled(a));
    }

    private static List<AccountError> RoleErrors(IReadOnlyCollection<string> roles)
    {
        var errors = new List<AccountError>();
        if (roles.Count == 0)
        {
            errors.Add(new AccountError(AccountField.Roles, "Choose at least one role."));
        }

        foreach (var unknown in roles.Where(r => !Roles.All.Contains(r)))
        {
            errors.Add(new AccountError(AccountField.Roles, $"\"{unknown}\" is not a role; the roles are {string.Join(", ", Roles.All)}."));
        }

        return errors;
    }
}

public enum AccountField
{
    None,
    Email,
    Password,
    Roles,
}

public sealed record AccountError(AccountField Field, string Message);

public sealed record AccountResult(string? UserId, IReadOnlyList<AccountError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Success(string userId) => new(userId, []);

    public static AccountResult Failed(IReadOnlyList<AccountError> errors) => new(null, errors);

    /// <summary>Identity's own reasons (weak password, invalid or duplicate e-mail), each on the field it concerns.</summary>
    public static AccountResult Failed(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(null, [.. result.Errors.Select(e => new AccountError(FieldOf(e.Code), e.Description))]);
    }

    private static AccountField FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? AccountField.Password
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? AccountField.Email
        : AccountField.None;
}
