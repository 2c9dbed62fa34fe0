using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiuTracker.Tests.Dashboard;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Api;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Api;

/// <summary>
/// A personal access token from creation to revocation, through the account page and the API over HTTP: shown once,
/// stored hashed, its last use noted, refused once revoked, for an account that is disabled, or without a token.
/// </summary>
public class ApiTokenLifecycleTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task AFocalPoint_CreatesATokenOnTheAccountPage_ReadsTheApiWithIt_ThenRevokesIt()
    {
        var robin = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var created = await (await robin.SubmitFormAsync("/Account/Tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "Council paper script",
            ["Input.Scope"] = nameof(ApiTokenScope.Read),
            ["Input.Days"] = "30",
        }, "form[action*='handler=Create']")).ReadDocumentAsync();
        var text = ((AngleSharp.Html.Dom.IHtmlInputElement)created.QuerySelector("#token-text")!).Value;
        Assert.StartsWith(ApiToken.Prefix, text, StringComparison.Ordinal);

        // Stored as its hash only; shown again nowhere.
        var stored = await app.QueryAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "Council paper script"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), stored.Hash);
        Assert.Equal(DateTimeOffset.UtcNow.AddDays(30).Date, stored.ExpiresAt.UtcDateTime.Date);
        Assert.DoesNotContain(text, await robin.GetStringAsync("/Account/Tokens"), StringComparison.Ordinal);
        Assert.Null(stored.LastUsedAt);

        using var api = app.ApiClient(text);
        var reports = await api.GetFromJsonAsync<JsonElement>("/api/v1/reports");
        Assert.Equal(4, reports.GetProperty("total").GetInt32());
        var environment = reports.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("symbol").GetString() == DemoAccounts.EnvironmentReport);
        Assert.Equal("Robin Zuercher", environment.GetProperty("focalPoints")[0].GetProperty("name").GetString());
        Assert.NotNull(await app.QueryAsync(db => db.ApiTokens.Where(t => t.Id == stored.Id).Select(t => t.LastUsedAt).SingleAsync()));
        var list = await robin.GetDocumentAsync("/Account/Tokens");
        Assert.DoesNotContain("Never", list.QuerySelector($"#token-{stored.Id}")!.TextContent, StringComparison.Ordinal);

        var revoked = await robin.SubmitFormAsync(list, "/Account/Tokens", new Dictionary<string, string>(), $"#token-{stored.Id} form");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var refused = await api.GetAsync("/api/v1/reports");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("unknown, expired or revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await app.QueryAsync(db => db.AdminAudit.Where(a => a.Subject == DemoAccounts.RobinZuercher).Select(a => a.Action).ToListAsync());
        Assert.Contains(AdminAction.ApiTokenCreated, audit);
        Assert.Contains(AdminAction.ApiTokenRevoked, audit);
    }

    [Theory]
    [InlineData("", "Name: give the token a name")]
    [InlineData("0", "Valid for (days)")]
    [InlineData("400", "Valid for (days)")]
    public async Task ATokenWithoutANameOrWithAnImpossibleLife_IsRefusedInWords_AndNothingIsStored(string daysOrName, string message)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var before = await app.QueryAsync(db => db.ApiTokens.CountAsync());
        var nameless = daysOrName.Length == 0;

        var page = await (await client.SubmitFormAsync("/Account/Tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = nameless ? " " : "Script",
            ["Input.Days"] = nameless ? "30" : daysOrName,
        }, "form[action*='handler=Create']")).ReadDocumentAsync();

        Assert.Contains(message, page.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#token-text"));
        Assert.Equal(before, await app.QueryAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task TheApi_WithoutAToken_OrWithOnlyTheSignInCookie_IsRefusedWithAProblem()
    {
        var signedIn = await app.SignedInClientAsync(DemoAccounts.Management);

        foreach (var response in new[] { await signedIn.GetAsync("/api/v1/figures"), await app.ApiClient("jt_made-up").GetAsync("/api/v1/figures") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task AnAdministrator_RevokesSomeoneElsesToken_AndTheOwnersTokenOfADisabledAccountIsRefused()
    {
        var token = await app.ApiTokenAsync(DemoAccounts.CosmasZavazava);
        using var api = app.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/reports")).StatusCode);
        var (userId, tokenId) = await app.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoAccounts.CosmasZavazava);
            return (user.Id, await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).Select(t => t.Id).FirstAsync());
        });

        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var page = await admin.GetDocumentAsync($"/Admin/Accounts/Tokens/{userId}");
        var response = await admin.SubmitFormAsync(page, $"/Admin/Accounts/Tokens/{userId}", new Dictionary<string, string>(), $"#token-{tokenId} form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/reports")).StatusCode);
        Assert.Equal(DemoAccounts.Admin, await app.QueryAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.RevokedBy).SingleAsync()));

        // A disabled account's tokens are refused while it stays disabled.
        using var other = app.ApiClient(await app.ApiTokenAsync(DemoAccounts.CosmasZavazava));
        var disable = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{userId}", new Dictionary<string, string>(), "#disable");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/reports")).StatusCode);
        await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{userId}", new Dictionary<string, string>(), "#enable");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/reports")).StatusCode);
    }

    [Fact]
    public async Task ReadingTheApi_ChangesNoDataVersion_SoKeptPagesStayKept()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);
        await api.GetAsync("/api/v1/figures");
        var before = await app.QueryAsync(db => db.DataVersion.AsNoTracking().ToListAsync());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/recommendations")).StatusCode);
        }

        var after = await app.QueryAsync(db => db.DataVersion.AsNoTracking().ToListAsync());
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
    }
}
