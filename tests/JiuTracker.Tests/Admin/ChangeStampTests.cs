using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>A request writes one time into all its history and audit entries, however often the clock is read.</summary>
public class ChangeStampTests(ClockedJiuTrackerFactory app) : IClassFixture<ClockedJiuTrackerFactory>
{
    [Fact]
    public async Task RevisingARecommendation_StampsItsHistoryAndItsAuditEntryWithOneTime()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await app.QueryAsync(db => db.Recommendations.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        // Every read of the clock moves it on a second, so two reads in one request cannot give the same time.
        app.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        try
        {
            var response = await admin.SubmitFormAsync(
                $"/Admin/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.Text"] = "A revised text, stamped once." }, "#revise");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        finally
        {
            app.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        }

        var history = await app.QueryAsync(db => db.History
            .Where(h => h.RecommendationId == id && h.Field == HistoryField.Text).OrderByDescending(h => h.Id).FirstAsync());
        var audit = await app.QueryAsync(db => db.AdminAudit
            .Where(a => a.Action == AdminAction.RecommendationRevised).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(history.ChangedAt, audit.At);
        Assert.Equal(history.ChangedBy, audit.By);
    }
}
