using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>Accounts: create with roles, unique e-mail, strong passwords, disable and enable, the last administrator.</summary>
public class AccountAdministrationTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private const string StrongPassword = "Strong-Passw0rd-2026";

    private Task<string> UserIdAsync(string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string email, string password, params string[] roles)
    {
        var page = await admin.GetDocumentAsync("/Admin/Accounts/Create");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Email", email), new("Input.Password", password),
            new("__RequestVerificationToken", page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        return await admin.PostAsync("/Admin/Accounts/Create", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task RolesAndAuditedActions_AreShownInWords_NotAsTheirNamesInCode()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(admin, "worded.officer@jiutracker.local", StrongPassword, "FocalPoint", "Management")).StatusCode);

        var accounts = await admin.GetDocumentAsync("/Admin/Accounts");
        var row = accounts.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("worded.officer@jiutracker.local", StringComparison.Ordinal));
        Assert.Equal("Focal point, Management", row.QuerySelectorAll("td")[0].TextContent);
        Assert.Equal("Focal point", (await admin.GetDocumentAsync("/Admin/Accounts/Create")).QuerySelector("label[for=role-FocalPoint]")!.TextContent);

        var own = await (await app.SignedInClientAsync(DemoAccounts.AndersNorsker)).GetDocumentAsync("/Account");
        Assert.Contains("Focal point", own.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("FocalPoint", own.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var log = await admin.GetDocumentAsync("/Audit");
        var entry = log.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("worded.officer@jiutracker.local", StringComparison.Ordinal));
        Assert.Equal("Account created", entry.QuerySelectorAll("td")[2].TextContent);
        Assert.DoesNotContain("AccountCreated", log.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithSeveralRoles_CreatesAnAccountThatCanSignIn_AndAuditsIt()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await CreateAsync(admin, "new.officer@jiutracker.local", StrongPassword, "Management", "Auditor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roles = await app.QueryAsync(db => db.UserRoles.Where(ur => ur.UserId == db.Users.Single(u => u.Email == "new.officer@jiutracker.local").Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Auditor", "Management"], roles);
        var client = app.CreateBrowserClient();
        await client.SignInAsync("new.officer@jiutracker.local", StrongPassword);
        var audit = await app.QueryAsync(db => db.AdminAudit.SingleAsync(a => a.Subject == "new.officer@jiutracker.local"));
        Assert.Equal((AdminAction.AccountCreated, DemoAccounts.Admin), (audit.Action, audit.By));
        Assert.DoesNotContain(StrongPassword, audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weak.one@jiutracker.local", "short", "Management", "Input.Password", "at least 12 characters")]
    [InlineData("weak.two@jiutracker.local", "alllowercaseletters", "Management", "Input.Password", "non alphanumeric")]
    [InlineData(DemoAccounts.Auditor, StrongPassword, "Management", "Input.Email", "already exists")]
    [InlineData("AUDITOR@jiutracker.local", StrongPassword, "Management", "Input.Email", "already exists")]
    [InlineData("no.role@jiutracker.local", StrongPassword, "", "Input.Roles", "Choose at least one role")]
    [InlineData("bad.role@jiutracker.local", StrongPassword, "Superuser", "Input.Roles", "is not a role")]
    [InlineData("not-an-address", StrongPassword, "Management", "Input.Email", "Enter an e-mail address")]
    public async Task Create_WithBadInput_SaysWhatIsWrongWhere_AndCreatesNothing(string email, string password, string role, string field, string message)
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var before = await app.QueryAsync(db => db.Users.CountAsync());

        var response = await CreateAsync(admin, email, password, role.Length == 0 ? [] : [role]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, (page.QuerySelector($"[name='{field}']")!.Closest("fieldset") ?? page.QuerySelector($"[name='{field}']")!.Closest("div"))!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Disable_RefusesSignIn_EndsOpenSessions_KeepsHistory_AndEnableLetsItBackIn()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var session = await app.SignedInClientAsync(DemoAccounts.CosmasZavazava);
        var id = await UserIdAsync(DemoAccounts.CosmasZavazava);
        var historyBefore = await app.QueryAsync(db => db.History.CountAsync());

        var disabled = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string>(), "#disable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/Reports")).StatusCode);
        var signIn = await app.CreateBrowserClient().SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.CosmasZavazava, ["Input.Password"] = "JiuTracker-Demo-2026",
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("This account is disabled", (await signIn.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(historyBefore, await app.QueryAsync(db => db.History.CountAsync()));
        Assert.True(await app.QueryAsync(db => db.FocalPoints.AnyAsync(f => f.UserId == id)));

        var enabled = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string>(), "#enable");

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        await app.CreateBrowserClient().SignInAsync(DemoAccounts.CosmasZavazava);
        // The first entry is demo mode creating the account (decision 020).
        Assert.Equal([AdminAction.AccountCreated, AdminAction.AccountDisabled, AdminAction.AccountEnabled],
            await app.QueryAsync(db => db.AdminAudit.Where(a => a.Subject == DemoAccounts.CosmasZavazava).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeDisabled_NorLoseTheRole()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await UserIdAsync(DemoAccounts.Admin);

        var disable = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string>(), "#disable");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Contains("last enabled administrator", (await disable.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var page = await admin.GetDocumentAsync($"/Admin/Accounts/Edit/{id}");
        var token = page.QuerySelector("#roles input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var demote = await admin.PostAsync($"/Admin/Accounts/Edit/{id}", new FormUrlEncodedContent(
            [new("Input.Roles", "Auditor"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("keeps the Administrator role", (await demote.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        await admin.GetDocumentAsync("/Admin");
    }

    [Fact]
    public async Task ResetPassword_WithAWeakOne_IsRefused_AndWithAStrongOne_Works()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await UserIdAsync(DemoAccounts.MartinAdolph);

        var weak = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string> { ["newPassword"] = "password" }, "#reset-password");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 12 characters", (await weak.ReadDocumentAsync()).QuerySelector("#reset-password")!.TextContent, StringComparison.Ordinal);
        await app.CreateBrowserClient().SignInAsync(DemoAccounts.MartinAdolph);

        var strong = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string> { ["newPassword"] = StrongPassword }, "#reset-password");

        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
        await app.CreateBrowserClient().SignInAsync(DemoAccounts.MartinAdolph, StrongPassword);
    }
}
