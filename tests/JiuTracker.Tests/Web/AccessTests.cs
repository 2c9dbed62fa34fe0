using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Web;

public class AccessTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task Post_Anonymous_RedirectsToSignIn_AndChangesNothing()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var history = await app.QueryAsync(db => Task.FromResult(db.History.Count()));

        var response = await app.CreateBrowserClient().PostAsync($"/Recommendations/Edit/{id}", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Acceptance"] = "NotAccepted", ["Input.Version"] = "1" }));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        Assert.Equal(history, await app.QueryAsync(db => Task.FromResult(db.History.Count())));
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsTheFormAgainWithAMessage()
    {
        var client = app.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Auditor,
            ["Input.Password"] = "not-the-password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("The e-mail address or the password is not right.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithUnknownAccount_GetsTheSameMessageAsAWrongPassword()
    {
        var response = await app.CreateBrowserClient().SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@jiutracker.local",
            ["Input.Password"] = "JiuTracker-Demo-2026",
        });

        var page = await response.ReadDocumentAsync();
        Assert.Contains("The e-mail address or the password is not right.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Admin)]
    [InlineData(DemoAccounts.Management)]
    [InlineData(DemoAccounts.Auditor)]
    [InlineData(DemoAccounts.AndersNorsker)]
    [InlineData(DemoAccounts.CosmasZavazava)]
    public async Task EveryRole_ReadsTheReports_EveryReportPage_AndHistory(string email)
    {
        var client = await app.SignedInClientAsync(email);

        var list = await client.GetDocumentAsync("/Reports");
        Assert.Equal(4, list.QuerySelectorAll("tbody tr").Length);
        foreach (var symbol in new[] { SeedReports.Cybersecurity, SeedReports.Landlocked, SeedReports.Environment, SeedReports.Blockchain })
        {
            var report = await client.GetDocumentAsync($"/Reports/Details/{await app.ReportIdAsync(symbol)}");
            Assert.Contains(symbol, report.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }

        var history = await client.GetDocumentAsync($"/Recommendations/History/{await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1)}");
        Assert.NotEmpty(history.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.SubmitFormAsync("/Reports", new Dictionary<string, string>(), "header form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task Get_UnknownReport_IsNotFound()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/Details/99999")).StatusCode);
    }
}
