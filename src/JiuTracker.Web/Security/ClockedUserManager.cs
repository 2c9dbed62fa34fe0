using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Security;

/// <summary>
/// Identity's user manager with its lockout after failed sign-ins on the app's <see cref="TimeProvider"/>, not the wall
/// clock, so the lockout starts, lasts and ends by the same clock the accounts page reads it with (decision 038).
/// </summary>
public sealed class ClockedUserManager(
    IUserStore<IdentityUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<IdentityUser> passwordHasher,
    IEnumerable<IUserValidator<IdentityUser>> userValidators,
    IEnumerable<IPasswordValidator<IdentityUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<IdentityUser>> logger,
    TimeProvider time)
    : UserManager<IdentityUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await GetLockoutEnabledAsync(user) && await GetLockoutEndDateAsync(user) >= time.GetUtcNow();
    }

    /// <summary>As Identity's: the failure that reaches the limit locks the account and starts the count again.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockouts = LockoutStore;
        var count = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockouts.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockouts.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    private IUserLockoutStore<IdentityUser> LockoutStore =>
        Store as IUserLockoutStore<IdentityUser> ?? throw new NotSupportedException("The user store keeps no lockouts.");
}
