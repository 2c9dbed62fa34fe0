using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

public class FocalPointAdministrationTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task Create_AssignToAReport_AndRemove_AreRecorded()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var created = await admin.SubmitFormAsync("/Admin/FocalPoints/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ms.", ["Input.Name"] = "Ada Lovelace", ["Input.Unit"] = "BDT/DNS",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var focalPointId = await app.QueryAsync(db => db.FocalPoints.Where(f => f.Name == "Ada Lovelace").Select(f => f.Id).SingleAsync());
        var reportId = await app.ReportIdAsync(SeedReports.Landlocked);
        var url = $"/Admin/Reports/Edit/{reportId}";

        var assigned = await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["focalPointId"] = focalPointId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=Assign']");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.True(await app.QueryAsync(db => db.Reports.AnyAsync(r => r.Id == reportId && r.FocalPoints.Any(f => f.Id == focalPointId))));

        var page = await admin.GetDocumentAsync(url);
        var removeForm = page.QuerySelectorAll("form[action*='handler=Unassign']")
            .Single(f => f.QuerySelector("input[name=focalPointId]")!.GetAttribute("value") == focalPointId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        removeForm.Id = "remove-ada";
        var removed = await admin.SubmitFormAsync(page, url, new Dictionary<string, string>(), "#remove-ada");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Reports.AnyAsync(r => r.Id == reportId && r.FocalPoints.Any(f => f.Id == focalPointId))));
        Assert.Equal(3, await app.QueryAsync(db => db.AdminAudit.CountAsync(a => a.Details.Contains("Ada Lovelace"))));
    }

    [Fact]
    public async Task Create_TheSamePersonTwice_IsRefusedWithAMessage()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await admin.SubmitFormAsync("/Admin/FocalPoints/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Mr.", ["Input.Name"] = "Anders Norsker", ["Input.Unit"] = "GS/IS",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Anders Norsker (GS/IS) is already registered", (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }
}
