using System.Globalization;
using JiuTracker.Tests.Dashboard;
using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Trends;

/// <summary>
/// On a moved clock: a decision recorded through the edit form before a quarter ends counts at its end, one recorded
/// after it only in the quarter under way; each row's numbers are its CSV's rows as of that day.
/// </summary>
public class ClockedTrendTests(ClockedJiuTrackerFactory app) : IClassFixture<ClockedJiuTrackerFactory>
{
    [Fact]
    public async Task ADecisionCounts_FromTheQuarterItWasRecordedIn()
    {
        var first = app.Clock.GetUtcNow().AddHours(1);
        var day = DateOnly.FromDateTime(first.UtcDateTime);
        var quarterEnd = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 3, 1).AddMonths(1).AddDays(-1);
        app.Clock.SetUtcNow(first);
        await DecideAsync(7, "Accepted");

        app.Clock.SetUtcNow(new DateTimeOffset(quarterEnd.AddDays(2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        // Recommendation 8 has an implementation recorded without a decision (a legacy row); not accepted, it can have none.
        await DecideAsync(8, "NotAccepted", implementation: "");
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync("/Dashboard/Trends");

        var rows = page.QuerySelectorAll("#trend tbody tr").ToDictionary(r => r.GetAttribute("data-day")!, r => r);
        string[] Cells(DateOnly at) => [.. rows[at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].QuerySelectorAll("td").Skip(1).Take(3).Select(c => c.TextContent.Trim())];
        // The seed: 20 accepted of 20 decided, recommendations 7 and 8 of JIU/REP/2020/8 undecided.
        Assert.Equal(["100.0 %", "21", "21"], Cells(quarterEnd));
        Assert.Equal(["95.5 %", "21", "22"], Cells(app.Today));
        var quarterBefore = new DateOnly(quarterEnd.Year, quarterEnd.Month, 1).AddMonths(-2).AddDays(-1);
        Assert.Equal(["100.0 %", "20", "20"], Cells(quarterBefore));

        foreach (var link in page.QuerySelectorAll("#trend td[data-figure] a").Take(24))
        {
            var csv = await client.GetStringAsync(link.GetAttribute("href"));
            Assert.True(int.Parse(link.TextContent, CultureInfo.InvariantCulture) == CsvText.DataRows(csv), $"{link.GetAttribute("href")}: {CsvText.DataRows(csv)} rows for {link.TextContent}");
        }
    }

    private async Task DecideAsync(int number, string acceptance, string? implementation = null)
    {
        var robin = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var id = await app.QueryAsync(db => db.Recommendations.Where(r => r.Report.Symbol == "JIU/REP/2020/8" && r.Number == number).Select(r => r.Id).SingleAsync());
        var values = new Dictionary<string, string> { ["Input.Acceptance"] = acceptance };
        if (implementation is not null)
        {
            values["Input.Implementation"] = implementation;
        }

        var response = await robin.SubmitFormAsync($"/Recommendations/Edit/{id}", values);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
            (await response.ReadDocumentAsync()).QuerySelector("main [role=alert], .validation-summary-errors")?.TextContent);
    }
}
