using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>An account locked after failed sign-ins, for the pages that show one, by the app's own count of failures.</summary>
public static class LockedAccounts
{
    /// <summary>A focal point no browser test signs in as.</summary>
    public const string Email = DemoAccounts.CosmasZavazava;

    /// <summary>Locks the account, again when its lockout has run out, and answers its id.</summary>
    public static async Task<string> LockedAccountAsync(this BrowserApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(Email) ?? throw new InvalidOperationException($"The demo data has no account {Email}.");
        while (!await users.IsLockedOutAsync(user))
        {
            Assert.True((await users.AccessFailedAsync(user)).Succeeded);
        }

        return user.Id;
    }
}
