using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

/// <summary>Who may change statuses and comments, and what a change leaves behind.</summary>
public class EditingTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private Task<Recommendation> StoredAsync(int id) =>
        app.QueryAsync(db => db.Recommendations.Include(r => r.Comments).SingleAsync(r => r.Id == id));

    private Task<List<HistoryEntry>> HistoryAsync(int id) =>
        app.QueryAsync(db => db.History.Where(h => h.RecommendationId == id).OrderBy(h => h.Id).ToListAsync());

    private static Dictionary<string, string> Form(string acceptance, string implementation, string comment = "") => new()
    {
        ["Input.Acceptance"] = acceptance,
        ["Input.Implementation"] = implementation,
        ["Input.NewComment"] = comment,
    };

    [Fact]
    public async Task Post_AsFocalPointOfTheReport_SavesStatusAndComment_AndWritesHistory()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        var before = await HistoryAsync(id);
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", Form("Accepted", "InProgress", "Framework drafted."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.InProgress), (stored.Acceptance, stored.Implementation));
        Assert.Contains(stored.Comments, c => c.Text == "Framework drafted." && c.Author == DemoAccounts.AndersNorsker);

        var added = (await HistoryAsync(id)).Skip(before.Count).ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, h => Assert.Equal(DemoAccounts.AndersNorsker, h.ChangedBy));
        Assert.All(added, h => Assert.InRange(h.ChangedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Contains(added, h => h is { Field: HistoryField.Implementation, OldValue: "not-started", NewValue: "in-progress" });
        Assert.Contains(added, h => h is { Field: HistoryField.Comment, NewValue: "Framework drafted." });

        var historyPage = await client.GetDocumentAsync($"/Recommendations/History/{id}");
        var rows = historyPage.QuerySelectorAll("tbody tr");
        var lastRow = rows[^1].TextContent;
        Assert.Contains(DemoAccounts.AndersNorsker, lastRow, StringComparison.Ordinal);
        Assert.Contains("Framework drafted.", lastRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LandsOnTheSavedRow_WithTheConfirmationAndALinkToTheNextRecommendation()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 2);
        var next = await app.RecommendationIdAsync(SeedReports.Environment, 3);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = "Checked again." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landing = response.Headers.Location!;
        Assert.EndsWith("#recommendation-2", landing.OriginalString, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync(landing.OriginalString);
        Assert.NotNull(page.GetElementById("recommendation-2"));
        var confirmation = page.GetElementById("saved-status")!;
        Assert.Contains("Recommendation 2 saved.", confirmation.TextContent, StringComparison.Ordinal);
        Assert.Equal("#recommendation-2", confirmation.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(confirmation.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Recommendations/Edit/{next}" && a.TextContent == "Update recommendation 3 next");

        // Shown once: reading the report again shows no confirmation.
        Assert.Null((await client.GetDocumentAsync(landing.OriginalString)).GetElementById("saved-status"));
    }

    [Fact]
    public async Task Post_OnTheLastRecommendation_SaysItWasTheLast()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Cybersecurity);
        var last = await app.QueryAsync(db => db.Recommendations.InForce().Where(r => r.ReportId == reportId).OrderBy(r => r.Number).Select(r => r.Id).LastAsync());
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{last}", new Dictionary<string, string> { ["Input.NewComment"] = "Last one checked." });

        var confirmation = (await client.GetDocumentAsync(response.Headers.Location!.OriginalString)).GetElementById("saved-status")!;
        Assert.Contains("It is the last recommendation of the report.", confirmation.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(confirmation.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/Recommendations/Edit/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportPage_OffersEditing_OnlyToItsFocalPointsAndAdministrators()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Cybersecurity);

        foreach (var (email, offered) in new[]
        {
            (DemoAccounts.AndersNorsker, true), (DemoAccounts.PreetamMaloor, true), (DemoAccounts.Admin, true),
            (DemoAccounts.CosmasZavazava, false), (DemoAccounts.Management, false), (DemoAccounts.Auditor, false),
        })
        {
            var page = await (await app.SignedInClientAsync(email)).GetDocumentAsync($"/Reports/Details/{reportId}");
            Assert.True(offered == page.QuerySelectorAll("a[href^='/Recommendations/Edit/']").Length > 0, $"{email}: edit links offered should be {offered}");
        }
    }

    [Theory]
    [InlineData(DemoAccounts.CosmasZavazava)]
    [InlineData(DemoAccounts.Management)]
    [InlineData(DemoAccounts.Auditor)]
    public async Task Edit_AsAnyoneButTheReportsFocalPointsOrAnAdministrator_IsForbidden_AndChangesNothing(string email)
    {
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var before = await StoredAsync(id);
        var historyBefore = (await HistoryAsync(id)).Count;
        var client = await app.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Recommendations/Edit/{id}")).StatusCode);

        // The server refuses the POST itself, whatever form the user had: take a valid token from a page they can open.
        var page = await client.GetDocumentAsync("/Account/Logout");
        var response = await client.SubmitFormAsync(page, $"/Recommendations/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Acceptance"] = "NotAccepted",
            ["Input.Implementation"] = "",
            ["Input.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await StoredAsync(id);
        Assert.Equal((before.Acceptance, before.Implementation, before.Version), (after.Acceptance, after.Implementation, after.Version));
        Assert.Equal(historyBefore, (await HistoryAsync(id)).Count);
    }

    [Fact]
    public async Task Post_AsFocalPointOfReportA_OnReportB_IsForbidden()
    {
        var ownId = await app.RecommendationIdAsync(SeedReports.Landlocked, 1);
        var otherId = await app.RecommendationIdAsync(SeedReports.Environment, 3);
        var client = await app.SignedInClientAsync(DemoAccounts.CosmasZavazava);
        var ownForm = await client.GetDocumentAsync($"/Recommendations/Edit/{ownId}");

        var response = await client.SubmitFormAsync(ownForm, $"/Recommendations/Edit/{otherId}", Form("NotRelevant", ""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Acceptance.Accepted, (await StoredAsync(otherId)).Acceptance);
    }

    [Fact]
    public async Task Post_AsAdministrator_OnAnyReport_Saves()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 8);
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", Form("Accepted", "Implemented"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Implemented is a claim awaiting a coordinator's validation, stated by the administrator.
        var stored = await StoredAsync(id);
        Assert.Equal((ImplementationStatus.Implemented, DemoAccounts.Admin), (stored.StatedImplementation, stored.ClaimedBy));
        Assert.Equal(DemoAccounts.Admin, (await HistoryAsync(id)).Last().ChangedBy);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var before = await StoredAsync(id);
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);

        var response = await client.PostAsync($"/Recommendations/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Acceptance"] = "NotAccepted",
            ["Input.Implementation"] = "",
            ["Input.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before.Acceptance, (await StoredAsync(id)).Acceptance);
    }

    [Fact]
    public async Task Post_ImplementationOnANotAcceptedRecommendation_ShowsTheRule_AndChangesNothing()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 2);
        var historyBefore = (await HistoryAsync(id)).Count;
        var client = await app.SignedInClientAsync(DemoAccounts.MartinAdolph);

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", Form("UnderConsideration", "InProgress", "Should not be kept."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("only be recorded on an accepted recommendation", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync(id);
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.NotStarted), (stored.Acceptance, stored.Implementation));
        Assert.DoesNotContain(stored.Comments, c => c.Text == "Should not be kept.");
        Assert.Equal(historyBefore, (await HistoryAsync(id)).Count);
    }

    [Theory]
    [InlineData("Input.Acceptance", "Maybe")]
    [InlineData("Input.Acceptance", "99")]
    [InlineData("Input.Implementation", "Finished")]
    public async Task Post_WithAValueThatIsNotAStatus_ShowsWhatIsWrong_AndChangesNothing(string field, string value)
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 3);
        var before = await StoredAsync(id);
        var client = await app.SignedInClientAsync(DemoAccounts.MartinAdolph);

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(before.Version, (await StoredAsync(id)).Version);
    }

    [Fact]
    public async Task Post_OnLegacyImplementationWithoutAcceptance_CommentOnly_KeepsTheImportedState()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 8);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = "Policy adopted in 2023." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(((Acceptance?)null, ImplementationStatus.Implemented), (stored.Acceptance, stored.Implementation));
        Assert.Equal([DataQuality.ImplementationWithoutAcceptance], stored.DataQualityWarnings);
    }

    [Fact]
    public async Task Get_EditForm_NamesEachStatusWithTheLabelTheMatrixAndExportsUse()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 4);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var page = await client.GetDocumentAsync($"/Recommendations/Edit/{id}");

        Assert.Equal("Requires further consideration", page.QuerySelector("label[for=acceptance-UnderConsideration]")!.TextContent);
        Assert.All(Enum.GetValues<Acceptance>(), a => Assert.Equal(a.Label(), page.QuerySelector($"label[for=acceptance-{a}]")!.TextContent));
        Assert.All(Enum.GetValues<ImplementationStatus>(), i => Assert.Equal(i.Label(), page.QuerySelector($"label[for=implementation-{i}]")!.TextContent));
        Assert.DoesNotContain("Under consideration", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_SecondOfTwoConcurrentEdits_IsRefused_ShowingTheNewerValues()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 6);
        var first = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var second = await app.SignedInClientAsync(DemoAccounts.Admin);
        var url = $"/Recommendations/Edit/{id}";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        var firstSave = await first.SubmitFormAsync(firstForm, url, Form("Accepted", "Implemented", "Done in 2024."));
        var secondSave = await second.SubmitFormAsync(secondForm, url, Form("NotAccepted", "", "Overwrite attempt."));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = await secondSave.ReadDocumentAsync();
        Assert.Contains("Someone else saved this recommendation", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var conflict = page.QuerySelector("#conflict")!.TextContent;
        Assert.Contains("Accepted", conflict, StringComparison.Ordinal);
        Assert.Contains("Implemented", conflict, StringComparison.Ordinal);
        Assert.Contains("The choices below are yours, not yet saved.", conflict, StringComparison.Ordinal);

        // The message says what is where: the stored values in the box, the user's own in the form, which keeps them.
        var message = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("The values stored now are in the yellow box headed \"Stored now\"; the choices in the form below it are yours.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("shown below", message, StringComparison.Ordinal);
        Assert.Equal("NotAccepted", page.QuerySelector("input[name='Input.Acceptance']:checked")!.GetAttribute("value"));
        Assert.Equal("Overwrite attempt.", page.QuerySelector("[name='Input.NewComment']")!.TextContent);

        var stored = await StoredAsync(id);
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.Implemented), (stored.Acceptance, stored.StatedImplementation));
        Assert.DoesNotContain(stored.Comments, c => c.Text == "Overwrite attempt.");

        // Saving again from the conflict page is a deliberate choice, made knowing the newer values.
        var retry = await second.SubmitFormAsync(page, url, Form("Accepted", "InProgress"));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(ImplementationStatus.InProgress, (await StoredAsync(id)).Implementation);
    }
}
