using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Pages.Rounds;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.FollowUp;

/// <summary>A round with more rows than a page holds: the progress page shows them a hundred at a time, the CSV all.</summary>
public sealed class RoundProgressPagingTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task TheProgressPage_ShowsAHundredRowsAtATime_EveryRowOrOnlyWhoHasNotAnswered_AndTheCsvHasThemAll()
    {
        // 150 more focal points on Robin Zuercher's report: 151 rows for it, 157 in all.
        await using (var db = app.CreateDbContext())
        {
            var report = await db.Reports.Include(r => r.FocalPoints).SingleAsync(r => r.Symbol == SeedReports.Environment);
            for (var i = 0; i < 150; i++)
            {
                var focalPoint = new FocalPoint("Ms.", $"Helper {i:D3}", "SPD/GS");
                db.FocalPoints.Add(focalPoint);
                report.Assign(focalPoint);
            }

            await db.SaveChangesAsync();
        }

        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var roundId = await coordinator.OpenRoundAsync("Paged round", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        await app.CommentOnEveryAskedRecommendationAsync(roundId, SeedReports.Blockchain, DemoAccounts.MartinAdolph, DateTimeOffset.UtcNow);
        var csvRows = (await coordinator.GetStringAsync($"/Rounds/Progress/{roundId}?handler=Csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        var first = await RowsAsync(coordinator, $"/Rounds/Progress/{roundId}");
        var second = await RowsAsync(coordinator, $"/Rounds/Progress/{roundId}?p=2");
        var beyond = await RowsAsync(coordinator, $"/Rounds/Progress/{roundId}?p=99");
        var pending = await RowsAsync(coordinator, $"/Rounds/Progress/{roundId}?pending=true&p=2");

        Assert.Equal(ProgressModel.RowsPerPage, first.Count);
        Assert.Equal(csvRows.Count - ProgressModel.RowsPerPage, second.Count);
        Assert.Equal(second, beyond);
        Assert.Empty(first.Intersect(second));
        Assert.Equal(csvRows.Count(r => r.Contains(",no,", StringComparison.Ordinal)) - ProgressModel.RowsPerPage, pending.Count);
        Assert.DoesNotContain(pending, r => r.Contains("Martin Adolph", StringComparison.Ordinal));
        var page = await coordinator.GetDocumentAsync($"/Rounds/Progress/{roundId}");
        Assert.Contains("Page 1 of 2", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<List<string>> RowsAsync(HttpClient client, string url) =>
        [.. (await client.GetDocumentAsync(url)).QuerySelectorAll("main table tbody tr").Select(r => r.TextContent.Trim())];
}
