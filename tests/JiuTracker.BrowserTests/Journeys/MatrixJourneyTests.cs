using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Xunit.Abstractions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>A focal point updates a whole report in one view and one save, as the Word document let them, with the rules kept.</summary>
public sealed class MatrixJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task FocalPoint_UpdatesEveryRecommendationOfTheReportInOneSave_AndSeesThemInTheMatrixAndEachHistory()
    {
        // Every recommendation in force, those for information only too: the matrix edit lists them all.
        var rows = await InForceAsync();
        Assert.Equal(10, rows.Count);
        await using var session = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        var page = session.Page;
        var (clicks, choices, pageLoads) = (0, 0, 0);
        page.FrameNavigated += (_, frame) => pageLoads += frame == page.MainFrame ? 1 : 0;

        await Journey.RunAsync(page, nameof(FocalPoint_UpdatesEveryRecommendationOfTheReportInOneSave_AndSeesThemInTheMatrixAndEachHistory), async () =>
        {
            // Signed in, the focal point starts from their reports.
            await page.GotoAsync("");
            await Expect(page).ToHaveURLAsync(new Regex("/Reports/Mine$"));
            pageLoads = 0;

            await page.GetByRole(AriaRole.Link, new() { Name = $"Update the recommendations of {DemoAccounts.EnvironmentReport}" }).ClickAsync();
            clicks++;
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Update the recommendations of {DemoAccounts.EnvironmentReport}");
            foreach (var row in rows)
            {
                // The two without a decision are accepted and started; every other row keeps its statuses.
                if (row.Acceptance is null)
                {
                    await page.GetByLabel($"Acceptance of recommendation {row.Number}", new() { Exact = true }).SelectOptionAsync("Accepted");
                    await page.GetByLabel($"Implementation status of recommendation {row.Number}", new() { Exact = true }).SelectOptionAsync("InProgress");
                    choices += 2;
                }

                var comment = page.GetByLabel($"New comment on recommendation {row.Number}", new() { Exact = true });
                await comment.ClickAsync();
                clicks++;
                await page.Keyboard.TypeAsync(CommentFor(row.Number));
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save all changes" }).ClickAsync();
            clicks++;

            await Expect(page).ToHaveURLAsync(new Regex($"/Reports/Details/\\d+$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("10 recommendation(s) saved.");
            foreach (var row in rows)
            {
                await Expect(page.Locator($"#recommendation-{row.Number} .comment-text").Last).ToHaveTextAsync(CommentFor(row.Number));
            }

            output.WriteLine($"Updating the 10 recommendations of {DemoAccounts.EnvironmentReport} from My reports: {clicks} clicks, {choices} choices in lists, {pageLoads} page loads.");
            Assert.Equal((12, 2), (clicks, pageLoads));

            foreach (var row in rows)
            {
                await page.GotoAsync($"Recommendations/History/{row.Id}");
                var changes = page.Locator("tbody tr").Filter(new() { HasText = DemoAccounts.RobinZuercher });
                await Expect(changes.Last.Locator("td").Last).ToHaveTextAsync(CommentFor(row.Number));
            }
        });

        var after = await InForceAsync();
        Assert.All(after.Where(r => rows.Single(b => b.Id == r.Id).Acceptance is null),
            r => Assert.Equal((Acceptance.Accepted, ImplementationStatus.InProgress), (r.Acceptance, r.Implementation)));
    }

    private Task<List<Recommendations.Stored>> InForceAsync() => app.QueryAsync(db => db.Recommendations.AsNoTracking()
        .Where(r => r.Report.Symbol == DemoAccounts.EnvironmentReport && r.WithdrawnAt == null)
        .OrderBy(r => r.Number)
        .Select(r => new Recommendations.Stored(r.Id, r.Number, r.Acceptance, r.Implementation, r.Version, r.ClaimedAt != null))
        .ToListAsync());

    private static string CommentFor(int number) => $"Reviewed in the 2026 round: recommendation {number} on track.";
}
