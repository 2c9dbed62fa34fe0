using System.Globalization;
using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>
/// Two identical posts at the same instant to the administration forms that a unique index guards: the second passes
/// the form's check but meets the index. It gets the form back saying the thing already exists (never a 500), and
/// nothing of it is saved: only the first one's record, no audit line of its own.
/// </summary>
public class DuplicateSaveRaceTests(RacingFactory app) : IClassFixture<RacingFactory>
{
    [Fact]
    public async Task AddRecommendation_WhenTheSameNumberIsAddedMeanwhile_SaysItAlreadyExists_AndSavesNothing()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Environment);
        var url = $"/Admin/Recommendations/Add/{reportId}";
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var page = await admin.GetDocumentAsync(url);
        var number = int.Parse(page.QuerySelector("[name='Input.Number']")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        RaceRecommendation(reportId, number);
        var (before, audit) = await CountsAsync(reportId);

        var response = await admin.SubmitFormAsync(page, url, new Dictionary<string, string> { ["Input.Text"] = "The executive heads should add it once." });

        await AssertRefusedAsync(response, $"Recommendation {number} of {SeedReports.Environment} already exists");
        Assert.Equal((before + 1, audit), await CountsAsync(reportId));
    }

    [Fact]
    public async Task PasteSave_WhenOneOfTheNumbersIsAddedMeanwhile_SaysItAlreadyExists_AndSavesNoRow()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var created = await admin.SubmitFormAsync("/Admin/Reports/Create", new Dictionary<string, string>
        {
            ["Input.Symbol"] = "JIU/REP/2031/1", ["Input.Title"] = "A report to paste into twice", ["Input.CebComments"] = "NotYetAvailable",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var reportId = await app.ReportIdAsync("JIU/REP/2031/1");
        var url = $"/Admin/Recommendations/Paste/{reportId}";
        var previewed = await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Block"] = "Recommendation 1: The executive heads should, by the end of 2027, adopt a policy.\nRecommendation 2: The legislative organs should review it by 2028.",
        }, "#paste-block");
        var preview = await previewed.ReadDocumentAsync();
        RaceRecommendation(reportId, 2);
        var (before, audit) = await CountsAsync(reportId);

        var response = await admin.SubmitFormAsync(preview, $"{url}?handler=Save", new Dictionary<string, string>(), "#paste-rows");

        await AssertRefusedAsync(response, "Recommendation 2 of JIU/REP/2031/1 already exists");
        Assert.Equal((before + 1, audit), await CountsAsync(reportId));
    }

    [Fact]
    public async Task CreateFocalPoint_WhenTheSamePersonIsRegisteredMeanwhile_SaysSo_AndSavesNothing()
    {
        RaceFocalPoint("Grace Hopper", "OICT/NAV");
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var audit = await app.QueryAsync(db => db.AdminAudit.CountAsync());

        var response = await admin.SubmitFormAsync("/Admin/FocalPoints/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ms.", ["Input.Name"] = "Grace Hopper", ["Input.Unit"] = "OICT/NAV",
        });

        await AssertRefusedAsync(response, "Grace Hopper (OICT/NAV) is already registered");
        Assert.Equal(["Registered first"], await app.QueryAsync(db => db.FocalPoints.Where(f => f.Name == "Grace Hopper").Select(f => f.Title).ToListAsync()));
        Assert.Equal(audit, await app.QueryAsync(db => db.AdminAudit.CountAsync()));
    }

    [Fact]
    public async Task EditFocalPoint_WhenTheNewNameIsRegisteredMeanwhile_SaysSo_AndKeepsTheFocalPointAsItWas()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var created = await admin.SubmitFormAsync("/Admin/FocalPoints/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Mr.", ["Input.Name"] = "Alan Turing", ["Input.Unit"] = "OICT/NAV",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.QueryAsync(db => db.FocalPoints.Where(f => f.Name == "Alan Turing").Select(f => f.Id).SingleAsync());
        RaceFocalPoint("Alan M. Turing", "OICT/NAV");

        var response = await admin.SubmitFormAsync($"/Admin/FocalPoints/Edit/{id}", new Dictionary<string, string> { ["Input.Name"] = "Alan M. Turing" });

        await AssertRefusedAsync(response, "Alan M. Turing (OICT/NAV) is already registered");
        Assert.Equal("Alan Turing", await app.QueryAsync(db => db.FocalPoints.Where(f => f.Id == id).Select(f => f.Name).SingleAsync()));
    }

    [Fact]
    public async Task AssignFocalPoint_WhenTheSameAssignmentIsMadeMeanwhile_SaysItIsAlreadyOne()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var created = await admin.SubmitFormAsync("/Admin/FocalPoints/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ms.", ["Input.Name"] = "Hedy Lamarr", ["Input.Unit"] = "OICT/NAV",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var focalPointId = await app.QueryAsync(db => db.FocalPoints.Where(f => f.Name == "Hedy Lamarr").Select(f => f.Id).SingleAsync());
        var reportId = await app.ReportIdAsync(SeedReports.Landlocked);
        app.Race.Before(
            saving => saving.ChangeTracker.Entries<AdminAuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.Action == AdminAction.FocalPointAssigned),
            async other =>
            {
                var report = await other.Reports.Include(r => r.FocalPoints).SingleAsync(r => r.Id == reportId);
                report.Assign(await other.FocalPoints.SingleAsync(f => f.Id == focalPointId));
                await other.SaveChangesAsync();
            });
        var audit = await app.QueryAsync(db => db.AdminAudit.CountAsync());

        var response = await admin.SubmitFormAsync($"/Admin/Reports/Edit/{reportId}",
            new Dictionary<string, string> { ["focalPointId"] = focalPointId.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=Assign']");

        await AssertRefusedAsync(response, $"Hedy Lamarr (OICT/NAV) is already a focal point of {SeedReports.Landlocked}");
        Assert.Equal(audit, await app.QueryAsync(db => db.AdminAudit.CountAsync()));
    }

    /// <summary>Another administrator adds recommendation <paramref name="number"/> to the report just before this request's save.</summary>
    private void RaceRecommendation(int reportId, int number) => app.Race.Before(
        saving => saving.ChangeTracker.Entries<Recommendation>().Any(e => e.State == EntityState.Added && e.Entity.Number == number),
        async other =>
        {
            var report = await other.Reports.Include(r => r.Recommendations).SingleAsync(r => r.Id == reportId);
            report.AddRecommendation(number, "Added first by another administrator.", Addressee.ExecutiveHeads, null);
            await other.SaveChangesAsync();
        });

    private void RaceFocalPoint(string name, string unit) => app.Race.Before(
        saving => saving.ChangeTracker.Entries<FocalPoint>().Any(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.Name == name),
        async other =>
        {
            other.FocalPoints.Add(new FocalPoint("Registered first", name, unit));
            await other.SaveChangesAsync();
        });

    private Task<(int Recommendations, int Audit)> CountsAsync(int reportId) => app.QueryAsync(async db =>
        (await db.Recommendations.CountAsync(r => r.ReportId == reportId), await db.AdminAudit.CountAsync()));

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")?.TextContent ?? "(no alert)";
        Assert.Contains(message, alert, StringComparison.Ordinal);
    }
}
