using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using JiuTracker.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Trends;

/// <summary>
/// Closed follow-up rounds side by side on the "Over time" page, and the change between any two: three rounds closed one
/// after the other, a closure validated between the first and the second.
/// </summary>
public class RoundsOverTimeTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IAsyncLifetime
{
    private readonly Dictionary<string, int> _rounds = [];

    public async Task InitializeAsync()
    {
        await using (var db = app.CreateDbContext())
        {
            foreach (var round in await db.FollowUpRounds.Where(r => r.Name.EndsWith(" review")).ToListAsync())
            {
                _rounds[round.Name] = round.Id;
            }
        }

        if (_rounds.Count > 0)
        {
            return;
        }

        var start = DateTimeOffset.UtcNow.AddHours(-3);
        await CloseRoundAsync("Spring review", start);
        await using (var db = app.CreateDbContext())
        {
            var recommendation = await db.Recommendations.Include(r => r.Evidence).ThenInclude(e => e.Withdrawal)
                .SingleAsync(r => r.Report.Symbol == SeedReports.Environment && r.Number == 3);
            recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, new ChangeStamp(DemoAccounts.RobinZuercher, start.AddMinutes(30)), ClosureValidation.Required);
            recommendation.AcceptClaim("Policy adopted by the Council.", new ChangeStamp(DemoAccounts.Coordinator, start.AddMinutes(40)));
            await db.SaveChangesAsync();
        }

        await CloseRoundAsync("Autumn review", start.AddHours(1));
        await CloseRoundAsync("Winter review", start.AddHours(2));
    }

    private async Task CloseRoundAsync(string name, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var stamp = new ChangeStamp(DemoAccounts.Coordinator, at);
        var opened = await scope.ServiceProvider.GetRequiredService<RoundOpening>().OpenAsync(
            new RoundOpening.Request(name, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), "", []), "http://localhost/", stamp, CancellationToken.None);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<RoundClosing>().CloseAsync(opened.Round!.Id, stamp with { At = at.AddMinutes(10) }, CancellationToken.None));
        _rounds[name] = opened.Round.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ClosedRounds_AreSetSideBySide_OldestFirst_EachWithItsChangeFromThePreviousOne()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync("/Dashboard/Trends");

        var table = page.QuerySelector("#rounds")!;
        Assert.Equal(["Spring review", "Autumn review", "Winter review"], table.QuerySelectorAll("thead th a").Select(a => a.TextContent));
        string[] Row(string label) => [.. table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == label).QuerySelectorAll("td").Select(c => c.TextContent)];
        var implemented = Row("Implemented at the closing").Select(int.Parse).ToList();
        Assert.Equal(implemented[0] + 1, implemented[1]);
        Assert.Equal(implemented[1], implemented[2]);
        Assert.Equal(["0", "1", "0"], Row("Newly implemented since the previous round"));
        Assert.Equal(["its opening (no earlier round)", "Spring review", "Autumn review"], Row("Compared with"));
    }

    [Fact]
    public async Task TwoRoundsChosen_AreComparedFromTheEarliersClosing()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync($"/Dashboard/Trends?compareFrom={_rounds["Spring review"]}&compareTo={_rounds["Winter review"]}");

        var rows = page.QuerySelectorAll("#comparison tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray());
        Assert.Equal("+1", rows["Implemented at the closing"][2]);
        Assert.Equal("−1", rows["Still open (accepted, not implemented)"][2]);
        Assert.Equal("0", rows["Accepted at the closing"][2]);
        Assert.Equal("1", rows["Newly implemented between them"][1]);
        Assert.Equal("0", rows["Newly accepted between them"][1]);
    }

    [Fact]
    public async Task RoundsThatCannotBeCompared_AreRefusedSayingWhy()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        async Task<string> Refusal(string query) =>
            (await client.GetDocumentAsync($"/Dashboard/Trends?{query}")).QuerySelector("main [role=alert]")!.TextContent.Trim();

        Assert.Contains("Compare an earlier round with a later one: \"Winter review\" closed on", await Refusal($"compareFrom={_rounds["Winter review"]}&compareTo={_rounds["Spring review"]}"), StringComparison.Ordinal);
        Assert.Contains("with the later round: no closed follow-up round has the number 999999.", await Refusal($"compareFrom={_rounds["Spring review"]}&compareTo=999999"), StringComparison.Ordinal);
        Assert.Contains("Choose both rounds to compare", await Refusal($"compareFrom={_rounds["Spring review"]}"), StringComparison.Ordinal);
    }
}
