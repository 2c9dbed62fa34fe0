using System.Globalization;
using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>
/// An account locked after five wrong passwords is shown as locked, by the app's clock, and an administrator can unlock
/// it; an account that is not locked, or is disabled, is not "unlocked".
/// </summary>
public class AccountLockoutTests(ClockedJiuTrackerFactory app) : IClassFixture<ClockedJiuTrackerFactory>
{
    private static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    private Task<string> UserIdAsync(string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task LockAsync(string email)
    {
        var client = app.CreateBrowserClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitFormAsync("/Account/Login", SignInForm(email, "wrong-password-" + attempt));
        }
    }

    private Task<HttpResponseMessage> SignInAsync(string email) =>
        app.CreateBrowserClient().SubmitFormAsync("/Account/Login", SignInForm(email, DemoData.Password));

    private static Dictionary<string, string> SignInForm(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private static async Task<string> StateInTheListAsync(HttpClient admin, string email)
    {
        var accounts = await admin.GetDocumentAsync("/Admin/Accounts");
        var row = accounts.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == email);
        return row.QuerySelectorAll("td")[1].TextContent;
    }

    /// <summary>Posts the unlock handler with the page's token, whether or not the page offers the unlock form.</summary>
    private static async Task<HttpResponseMessage> PostUnlockAsync(HttpClient client, string id)
    {
        var token = await client.AntiforgeryTokenAsync("/Account/Logout");
        return await client.PostAsync($"/Admin/Accounts/Edit/{id}?handler=Unlock",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    private async Task<(DateTimeOffset? LockoutEnd, int AccessFailedCount)> LockoutOfAsync(string id)
    {
        var user = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        return (user.LockoutEnd, user.AccessFailedCount);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndTheListAndItsPageSayLockedUntilWhen_NotEnabled()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var lockedAt = app.Clock.GetUtcNow();

        await LockAsync(DemoAccounts.MartinAdolph);

        // The minute is rounded up: the account is free again at the time the page says.
        var until = lockedAt.Add(LockoutTime).AddMinutes(1).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var state = await StateInTheListAsync(admin, DemoAccounts.MartinAdolph);
        Assert.Equal($"Locked after failed sign-ins until {until} UTC", state);
        Assert.Equal("Enabled", await StateInTheListAsync(admin, DemoAccounts.PreetamMaloor));
        var page = await admin.GetDocumentAsync($"/Admin/Accounts/Edit/{await UserIdAsync(DemoAccounts.MartinAdolph)}");
        Assert.Equal("locked", page.QuerySelector("h1 small")!.TextContent);
        Assert.StartsWith(state + ".", page.QuerySelector("#locked")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form#unlock"));
    }

    [Fact]
    public async Task Unlock_LetsTheAccountSignInWithItsPassword_ResetsTheFailedAttempts_AndTheAuditLogShowsIt()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await UserIdAsync(DemoAccounts.CosmasZavazava);
        await LockAsync(DemoAccounts.CosmasZavazava);
        Assert.Contains("locked", (await (await SignInAsync(DemoAccounts.CosmasZavazava)).ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var version = await app.QueryAsync(db => DataVersion.ReadAsync(db, CancellationToken.None));

        var unlocked = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string>(), "#unlock");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        // Kept pages and open sessions learn of the change (decisions 019, 022).
        Assert.True((await app.QueryAsync(db => DataVersion.ReadAsync(db, CancellationToken.None))).SavesBeyondHistory > version.SavesBeyondHistory);
        Assert.Contains("unlocked", (await admin.GetDocumentAsync($"/Admin/Accounts/Edit/{id}")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Enabled", await StateInTheListAsync(admin, DemoAccounts.CosmasZavazava));
        Assert.Equal((null, 0), await LockoutOfAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(DemoAccounts.CosmasZavazava)).StatusCode);
        var log = await admin.GetDocumentAsync("/Audit");
        var entry = log.QuerySelectorAll("tbody tr").First(r => r.QuerySelector("th")!.TextContent == DemoAccounts.CosmasZavazava);
        Assert.Equal((DemoAccounts.Admin, "Account unlocked"), (entry.QuerySelectorAll("td")[1].TextContent, entry.QuerySelectorAll("td")[2].TextContent));
        Assert.Contains("Lockout after failed sign-ins ended", entry.QuerySelectorAll("td")[3].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_OfAnAccountNotLocked_IsRefusedInWords_AndChangesNothing()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await UserIdAsync(DemoAccounts.PreetamMaloor);
        var page = await admin.GetDocumentAsync($"/Admin/Accounts/Edit/{id}");
        Assert.Null(page.QuerySelector("form#unlock"));
        var before = (await LockoutOfAsync(id), await app.RowCountsAsync());

        var refused = await PostUnlockAsync(admin, id);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"{DemoAccounts.PreetamMaloor} is not locked", (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, (await LockoutOfAsync(id), await app.RowCountsAsync()));
    }

    [Fact]
    public async Task Unlock_OfADisabledAccount_IsRefused_AndTheAccountStaysDisabled()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await UserIdAsync(DemoAccounts.RobinZuercher);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string>(), "#disable")).StatusCode);
        var before = (await LockoutOfAsync(id), await app.RowCountsAsync());

        var refused = await PostUnlockAsync(admin, id);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("is disabled, not locked", (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, (await LockoutOfAsync(id), await app.RowCountsAsync()));
        Assert.Equal("Disabled", await StateInTheListAsync(admin, DemoAccounts.RobinZuercher));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string>(), "#enable")).StatusCode);
    }

    [Fact]
    public async Task Unlock_AsAFocalPoint_IsForbidden_AndTheAccountStaysLocked()
    {
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var id = await UserIdAsync(DemoAccounts.Management);
        await LockAsync(DemoAccounts.Management);
        var before = await LockoutOfAsync(id);

        var refused = await PostUnlockAsync(focalPoint, id);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await LockoutOfAsync(id));
        Assert.NotNull(before.LockoutEnd);
    }

    [Fact]
    public async Task TheLockout_EndsFifteenMinutesLaterByTheAppsClock_AndThenThereIsNothingToUnlock()
    {
        var id = await UserIdAsync(DemoAccounts.Auditor);
        await LockAsync(DemoAccounts.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(DemoAccounts.Auditor)).StatusCode);

        app.Clock.Advance(LockoutTime + TimeSpan.FromSeconds(1));

        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        Assert.Equal("Enabled", await StateInTheListAsync(admin, DemoAccounts.Auditor));
        var before = (await LockoutOfAsync(id), await app.RowCountsAsync());
        var refused = await PostUnlockAsync(admin, id);
        Assert.Contains($"{DemoAccounts.Auditor} is not locked", (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, (await LockoutOfAsync(id), await app.RowCountsAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(DemoAccounts.Auditor)).StatusCode);
    }
}
