using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Dashboard;

/// <summary>A withdrawn recommendation leaves the matrices, lists and figures, and keeps its history.</summary>
public class WithdrawnRecommendationTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task Withdrawn_IsOutOfFiguresMatrixListAndCsv_ButItsHistoryStays()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        int id;
        await using (var db = app.CreateDbContext())
        {
            var recommendation = await db.Recommendations.SingleAsync(r => r.Report.Symbol == "JIU/REP/2021/2" && r.Number == 3);
            recommendation.Withdraw("Registered twice.", new ChangeStamp(DemoAccounts.Admin, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            id = recommendation.Id;
        }

        var dashboard = await DashboardPage.OpenAsync(client);
        Assert.Equal(22, dashboard.Figure("All"));
        Assert.Equal(19, dashboard.Figure("Accepted"));
        Assert.Equal("2", dashboard.Breakdown("Per report")["JIU/REP/2021/2"][0]);

        var reportId = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == "JIU/REP/2021/2").Select(r => r.Id).SingleAsync());
        var matrix = await client.GetDocumentAsync($"/Reports/Details/{reportId}");
        Assert.Equal(["recommendation-1", "recommendation-7"], matrix.QuerySelectorAll("tbody tr").Select(r => r.Id));

        var list = await client.GetDocumentAsync("/Reports");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("JIU/REP/2021/2", StringComparison.Ordinal) && r.QuerySelectorAll("td")[4].TextContent == "2");

        var csv = await client.GetStringAsync("/export/recommendations.csv?report=JIU/REP/2021/2");
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var history = await client.GetDocumentAsync($"/Recommendations/History/{id}");
        Assert.Contains("Registered twice.", history.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }
}
