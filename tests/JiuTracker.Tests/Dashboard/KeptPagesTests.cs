using AngleSharp.Dom;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Dashboard;

/// <summary>
/// Pages keep what they read until the data changes (decision 018): shown again, they send no query for their data;
/// after a commit by another connection (another process, such as an import, writes the same way) they show the change.
/// </summary>
public class KeptPagesTests(QueryCountTests.CountedApp app) : IClassFixture<QueryCountTests.CountedApp>
{
    [Theory]
    [InlineData("/Reports")]
    [InlineData("/Reports?q=executive&p=1")]
    [InlineData("/Reports/Details/1")]
    [InlineData("/Recommendations/History/1")]
    [InlineData("/Dashboard")]
    [InlineData("/Dashboard?from=2020&addressee=executive-heads")]
    [InlineData("/Dashboard/Attention")]
    public async Task Page_ShownAgainWhileNothingChanged_SendsNoQueryForItsData(string url)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        await client.GetDocumentAsync(url);

        // The sign-out confirmation reads no data: what it sends is the signed-in account's check, on every request.
        var floor = await CommandsForAsync(client, "/Account/Logout");
        var again = await CommandsForAsync(client, url);

        Assert.True(again.Count == floor.Count, $"{url} sent {again.Count} commands, a page without data {floor.Count}:\n{string.Join("\n", again)}");
    }

    [Fact]
    public async Task KeptPages_ShowAStatusChange_CommittedByAnotherConnection()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var (id, reportId, number, implementation) = await app.QueryAsync(db => db.Recommendations.InForce()
            .Where(r => r.InformationOnlyNote == null && r.Acceptance == Acceptance.Accepted)
            .OrderBy(r => r.Id)
            .Select(r => ValueTuple.Create(r.Id, r.ReportId, r.Number, r.Implementation))
            .FirstAsync());
        var changedTo = implementation == ImplementationStatus.Implemented ? ImplementationStatus.InProgress : ImplementationStatus.Implemented;
        var matrixUrl = $"/Reports/Details/{reportId}";
        var historyUrl = $"/Recommendations/History/{id}";
        Assert.DoesNotContain(changedTo.Label(), Marks(await client.GetDocumentAsync(matrixUrl), number));
        Assert.DoesNotContain("Another process", (await client.GetDocumentAsync(historyUrl)).Body!.TextContent);

        await using (var db = app.CreateDbContext())
        {
            var recommendation = await db.Recommendations.SingleAsync(r => r.Id == id);
            recommendation.UpdateStatus(Acceptance.Accepted, changedTo, new ChangeStamp("Another process", DateTimeOffset.UtcNow), ClosureValidation.NotRequired);
            await db.SaveChangesAsync();
        }

        Assert.Contains(changedTo.Label(), Marks(await client.GetDocumentAsync(matrixUrl), number));
        Assert.Contains("Another process", (await client.GetDocumentAsync(historyUrl)).Body!.TextContent);
    }

    [Fact]
    public async Task KeptReportsList_ShowsAReportAddedByAnotherConnection()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        Assert.DoesNotContain("JIU/NOTE/2031/1", (await client.GetDocumentAsync("/Reports")).Body!.TextContent);

        await using (var db = app.CreateDbContext())
        {
            db.Reports.Add(new Report(new ReportSymbol("NOTE", 2031, 1), "A report added by another process"));
            await db.SaveChangesAsync();
        }

        Assert.Contains("JIU/NOTE/2031/1", (await client.GetDocumentAsync("/Reports")).Body!.TextContent);
    }

    [Fact]
    public async Task KeptMatrix_ShowsUpdateLinks_OnlyToWhoMayEdit_WhoeverReadItFirst()
    {
        var reportId = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == "JIU/REP/2021/3").Select(r => r.Id).SingleAsync());
        var url = $"/Reports/Details/{reportId}";
        var management = await app.SignedInClientAsync(DemoAccounts.Management);
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var otherFocalPoint = await app.SignedInClientAsync(DemoAccounts.CosmasZavazava);

        static int UpdateLinks(IDocument page) => page.QuerySelectorAll("a[href^='/Recommendations/Edit/']").Length;

        Assert.Equal(0, UpdateLinks(await management.GetDocumentAsync(url)));
        Assert.True(UpdateLinks(await focalPoint.GetDocumentAsync(url)) > 0, "the report's focal point sees no Update link");
        Assert.Equal(0, UpdateLinks(await otherFocalPoint.GetDocumentAsync(url)));
        Assert.Equal(0, UpdateLinks(await management.GetDocumentAsync(url)));
    }

    /// <summary>The labels of the statuses marked in a recommendation's row of the matrix.</summary>
    private static List<string> Marks(IDocument matrix, int number) =>
        [.. matrix.QuerySelectorAll($"#recommendation-{number} td.mark .visually-hidden").Select(mark => mark.TextContent.Trim())];

    private async Task<List<string>> CommandsForAsync(HttpClient client, string url)
    {
        app.Commands.Reset();
        await client.GetDocumentAsync(url);
        return [.. app.Commands.Texts];
    }
}
