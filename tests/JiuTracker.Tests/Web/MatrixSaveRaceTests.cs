using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

/// <summary>
/// A whole-report save that another save overtakes between reading the rows and writing them (made certain by
/// <see cref="SaveRace"/>): the save is tried once more on the rows as they are now, so the overtaken row comes back
/// marked and the others are saved; nothing of the other person's save is lost.
/// </summary>
public class MatrixSaveRaceTests(RacingFactory app) : IClassFixture<RacingFactory>
{
    [Fact]
    public async Task WholeReportSave_OvertakenOnOneRowWhileSaving_SavesTheOtherRows_AndMarksThatOne()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Environment);
        var first = await app.RecommendationIdAsync(SeedReports.Environment, 1);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var form = await client.GetDocumentAsync($"/Reports/Update/{reportId}");
        app.Race.Before(
            when: context => context.ChangeTracker.Entries<Comment>().Any(c => c.Entity.Text == "Mine, overtaken."),
            first: async other =>
            {
                var recommendation = await other.Recommendations.SingleAsync(r => r.Id == first);
                recommendation.AddComment("Theirs, first.", new ChangeStamp(DemoAccounts.Admin, DateTimeOffset.UtcNow));
                await other.SaveChangesAsync();
            });

        var response = await client.SubmitFormAsync(form, $"/Reports/Update/{reportId}", new Dictionary<string, string>
        {
            ["Rows[0].NewComment"] = "Mine, overtaken.",
            ["Rows[1].NewComment"] = "Mine, saved.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.NotNull(page.GetElementById("conflict-1"));
        Assert.Contains("1 recommendation(s) saved", page.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        var comments = await app.QueryAsync(db => db.Comments.Where(c => c.Recommendation.Report.Symbol == SeedReports.Environment).Select(c => c.Text).ToListAsync());
        Assert.Contains("Theirs, first.", comments);
        Assert.Contains("Mine, saved.", comments);
        Assert.DoesNotContain("Mine, overtaken.", comments);
    }
}
