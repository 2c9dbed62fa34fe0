using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Security;

/// <summary>
/// The exports' rule for withdrawn recommendations (auditors and administrators only) holds for a recommendation's
/// History page and for the reports list's search too: for everyone else a withdrawn recommendation is not there.
/// </summary>
public class WithdrawnReadersTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IAsyncLifetime
{
    private const string UniqueWord = "Quokkafication";

    private int _withdrawnId;

    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        var report = await db.Reports.Include(r => r.Recommendations).SingleAsync(r => r.Symbol == SampleRecords.Report);
        var recommendation = report.Recommendations.SingleOrDefault(r => r.Number == 90)
            ?? report.AddRecommendation(90, $"The executive heads should stop the {UniqueWord} of their archives.", Addressee.ExecutiveHeads, null);
        if (!recommendation.IsWithdrawn)
        {
            recommendation.Withdraw("Registered by mistake.", new ChangeStamp(DemoAccounts.Admin, DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
        _withdrawnId = recommendation.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(DemoAccounts.Admin, HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Auditor, HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Management, HttpStatusCode.NotFound)]
    [InlineData(DemoAccounts.AndersNorsker, HttpStatusCode.NotFound)]
    [InlineData(DemoAccounts.CosmasZavazava, HttpStatusCode.NotFound)]
    public async Task HistoryOfAWithdrawnRecommendation_IsShownOnlyToThoseWhoMayReadWithdrawnOnes(string account, HttpStatusCode expected)
    {
        var client = await app.SignedInClientAsync(account);

        var response = await client.GetAsync($"/Recommendations/History/{_withdrawnId}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains(UniqueWord, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DemoAccounts.Admin, true)]
    [InlineData(DemoAccounts.Auditor, true)]
    [InlineData(DemoAccounts.Management, false)]
    [InlineData(DemoAccounts.AndersNorsker, false)]
    [InlineData(DemoAccounts.CosmasZavazava, false)]
    public async Task ReportsSearch_FindsTheTextOfAWithdrawnRecommendation_OnlyForThoseWhoMayReadWithdrawnOnes(string account, bool found)
    {
        var client = await app.SignedInClientAsync(account);

        var page = await client.GetDocumentAsync($"/Reports?q={UniqueWord.ToLowerInvariant()}");

        var symbols = page.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(found, symbols.Any(r => r.Contains(SampleRecords.Report, StringComparison.Ordinal)));
    }
}
