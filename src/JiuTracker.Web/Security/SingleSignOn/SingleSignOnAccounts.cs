using System.Security.Claims;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Security.SingleSignOn;

/// <summary>
/// The account a sign-in with the provider is for: found by the provider's issuer and subject (never by e-mail alone),
/// created at the first sign-in, its mapped roles brought up to date at every sign-in, each change audited in one
/// transaction with the data version raised. Disabled and locked accounts are refused whatever the provider says.
/// </summary>
public sealed class SingleSignOnAccounts(
    JiuDbContext db, UserManager<IdentityUser> users, AccountAdministration accounts, IOptions<SingleSignOnOptions> options, TimeProvider time)
{
    /// <summary>The claim the app adds at the callback with the ID token's issuer (the claims' own issuer is the scheme's).</summary>
    public const string IssuerClaim = "jiu.issuer";

    private readonly SingleSignOnOptions _options = options.Value;

    /// <summary>The login provider stored with the account: the scheme and the issuer, so another provider's subject never matches.</summary>
    public static string LoginProviderFor(string issuer) => $"{SingleSignOnOptions.Scheme} {issuer}";

    public async Task<SingleSignOnResult> SignInAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(external);
        var subject = external.FindFirstValue("sub");
        var issuer = external.FindFirstValue(IssuerClaim);
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(issuer))
        {
            return SingleSignOnResult.Refused($"{_options.DisplayName} did not say who you are (no subject or issuer in its answer). Nothing was changed.");
        }

        var loginProvider = LoginProviderFor(issuer);
        var mapping = new RoleMapping(_options);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByLoginAsync(loginProvider, subject);
        if (user is null)
        {
            var created = await CreateAsync(external, loginProvider, subject, mapping.RolesOf(external), ct);
            if (created.Refusal is not null)
            {
                return created;
            }

            user = created.User!;
        }
        else
        {
            if (AccountStatus.IsDisabled(user))
            {
                return SingleSignOnResult.Refused(AccountStatus.DisabledMessage);
            }

            if (AccountStatus.IsLockedAfterFailedSignIns(user.LockoutEnd, time.GetUtcNow()))
            {
                return SingleSignOnResult.Refused($"This account is locked after too many failed attempts until {AccountStatus.UntilInWords(user.LockoutEnd!.Value)}. Try again then, or ask an administrator to unlock it.");
            }

            if (await UpdateRolesAsync(user, mapping, external) is { } refusal)
            {
                return SingleSignOnResult.Refused(refusal);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await users.GetRolesAsync(user)).Count == 0
            ? SingleSignOnResult.Refused($"Your account {user.Email} has no role in JiuTracker yet: none of your groups at {_options.DisplayName} gives one. Ask an administrator to give it a role or link it to a focal point.")
            : SingleSignOnResult.SignedIn(user);
    }

    private async Task<SingleSignOnResult> CreateAsync(ClaimsPrincipal external, string loginProvider, string subject, IReadOnlySet<string> roles, CancellationToken ct)
    {
        var email = external.FindFirstValue("email")?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return SingleSignOnResult.Refused($"{_options.DisplayName} did not send your e-mail address, which a new account needs. Ask an administrator to check the scopes JiuTracker asks for (`{SingleSignOnOptions.Section}:Scopes` with email).");
        }

        // An account already using the address is someone's local account: linking it because the addresses match would
        // let whoever controls that address at the provider take it over. An administrator decides instead.
        if (await users.FindByEmailAsync(email) is not null)
        {
            return SingleSignOnResult.Refused($"An account with the e-mail address {email} already exists in JiuTracker and is not linked to {_options.DisplayName}. It was not linked or changed; ask an administrator.");
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddLoginAsync(user, new UserLoginInfo(loginProvider, subject, _options.DisplayName));
        }

        if (result.Succeeded && roles.Count > 0)
        {
            result = await users.AddToRolesAsync(user, roles.Order(StringComparer.Ordinal));
        }

        if (!result.Succeeded)
        {
            return SingleSignOnResult.Refused($"The account for {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))} Nothing was changed.");
        }

        db.RecordAdminChange(Stamp(email), AdminAction.AccountCreatedBySingleSignOn, email,
            $"Account created at its first sign-in with {_options.DisplayName} ({loginProvider}, subject {subject}), with the roles {RolesInWords(roles)}.");
        await db.SaveChangesAsync(ct);
        return SingleSignOnResult.SignedIn(user);
    }

    /// <returns>null when the roles are as the claims say (changed or not); otherwise why the sign-in is refused.</returns>
    private async Task<string?> UpdateRolesAsync(IdentityUser user, RoleMapping mapping, ClaimsPrincipal external)
    {
        var current = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var wanted = mapping.Apply(current, external).ToHashSet(StringComparer.Ordinal);
        var kept = "";
        if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator) && await accounts.IsLastAdministratorAsync(user))
        {
            wanted.Add(Roles.Administrator);
            kept = " The Administrator role was kept: this is the last enabled administrator.";
        }

        var added = wanted.Except(current).Order(StringComparer.Ordinal).ToList();
        var removed = current.Except(wanted).Order(StringComparer.Ordinal).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return null;
        }

        var result = added.Count > 0 ? await users.AddToRolesAsync(user, added) : IdentityResult.Success;
        if (result.Succeeded && removed.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(user, removed);
        }

        if (result.Succeeded)
        {
            // The account's other sessions take the new roles at their next request, as after an administrator's change.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return $"The roles of {user.Email} could not be brought up to date: {string.Join(" ", result.Errors.Select(e => e.Description))} Nothing was changed.";
        }

        db.RecordAdminChange(Stamp(user.Email!), AdminAction.AccountRolesChangedBySingleSignOn, user.Email!,
            AdminAuditLog.Change("Roles", string.Join(", ", current.Order(StringComparer.Ordinal)), string.Join(", ", wanted.Order(StringComparer.Ordinal)))
            + $" (from the groups {_options.DisplayName} sent at sign-in).{kept}");
        return null;
    }

    private ChangeStamp Stamp(string email) => new(email, time.GetUtcNow(), $"single sign-on with {_options.DisplayName}");

    private static string RolesInWords(IReadOnlySet<string> roles) =>
        roles.Count == 0 ? "none (an administrator gives it one)" : string.Join(", ", roles.Order(StringComparer.Ordinal));
}

public sealed record SingleSignOnResult(IdentityUser? User, string? Refusal)
{
    public static SingleSignOnResult SignedIn(IdentityUser user) => new(user, null);

    public static SingleSignOnResult Refused(string reason) => new(null, reason);
}
