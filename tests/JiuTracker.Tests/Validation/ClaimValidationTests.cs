using System.Net;
using JiuTracker.Tests.Dashboard;
using JiuTracker.Tests.Evidence;
using JiuTracker.Tests.FollowUp;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Validation;

/// <summary>
/// The claim → accept / return cycle over HTTP (decision 032): a focal point's Implemented waits in the coordinator's
/// queue, counted apart on the dashboard; accepting makes it Implemented with who and when, returning keeps the earlier
/// status and tells the claimer by e-mail and on their start page; nobody decides on their own claim.
/// </summary>
public class ClaimValidationTests(MailingJiuTrackerFactory app) : IClassFixture<MailingJiuTrackerFactory>
{
    private const string Environment = SeedReports.Environment;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Recommendation <paramref name="number"/> of JIU/REP/2020/8 (Robin Zuercher's), one of those the seed records as
    /// not implemented (3, 4, 5, 6, 9, 10): each test takes its own, so none decides on another's claim.
    /// </summary>
    private Task<int> OpenRecommendationAsync(int number) => app.RecommendationIdAsync(Environment, number);

    private Task<Recommendation> StoredAsync(int id) =>
        app.QueryAsync(db => db.Recommendations.AsNoTracking().Include(r => r.History).SingleAsync(r => r.Id == id));

    private static async Task ClaimAsync(HttpClient client, int id)
    {
        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Acceptance"] = "Accepted", ["Input.Implementation"] = "Implemented", ["Input.NewComment"] = "Done: the policy was adopted.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        client.SubmitFormAsync($"/Validation/Decide/{id}", fields, $"main form[action*='handler={handler}']");

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        return string.Join(" ", page.QuerySelectorAll("main .validation-summary-errors, main .field-validation-error").Select(e => e.TextContent.Trim()));
    }

    /// <summary>The messages received that match, once there is one (or after <see cref="Patience"/>).</summary>
    private async Task<List<MimeKit.MimeMessage>> ReceivedAsync(Func<MimeKit.MimeMessage, bool> matching)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var found = app.Smtp.Received.Where(matching).ToList();
            if (found.Count > 0 || DateTime.UtcNow > until)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task AClaimWithEvidence_WaitsInTheQueue_CountedApart_ThenAcceptedBecomesImplemented_WithWhoAndWhen()
    {
        var id = await OpenRecommendationAsync(3);
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var before = await DashboardPage.OpenAsync(coordinator);
        var recordedBefore = (await StoredAsync(id)).Implementation;

        await ClaimAsync(focalPoint, id);
        Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTests.UploadAsync(focalPoint, id, "policy.pdf", EvidenceFiles.Pdf)).StatusCode);

        var claimed = await StoredAsync(id);
        Assert.Equal((recordedBefore, DemoAccounts.RobinZuercher), (claimed.Implementation, claimed.ClaimedBy));
        var during = await DashboardPage.OpenAsync(coordinator);
        Assert.Equal(before.Figure("ImplementationClaimed") + 1, during.Figure("ImplementationClaimed"));
        Assert.Equal(before.Figure("Implemented"), during.Figure("Implemented"));
        var matrix = await focalPoint.GetDocumentAsync($"/Reports/Details/{claimed.ReportId}");
        Assert.Contains("Implementation claimed", matrix.QuerySelector($"#recommendation-{claimed.Number}")!.TextContent, StringComparison.Ordinal);

        var queue = await coordinator.GetDocumentAsync("/Validation");
        var row = queue.QuerySelector($"#claim-{id}") ?? throw new InvalidOperationException("The claim is not in the queue.");
        Assert.Contains("1 file", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.RobinZuercher, row.TextContent, StringComparison.Ordinal);
        var decide = await coordinator.GetDocumentAsync($"/Validation/Decide/{id}");
        Assert.Contains("policy.pdf", decide.QuerySelector("#evidence")!.TextContent, StringComparison.Ordinal);

        var accepted = await DecideAsync(coordinator, id, "Accept", []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal((ImplementationStatus.Implemented, false), (stored.Implementation, stored.IsImplementationClaimed));
        var validated = stored.History.Single(h => h.Field == HistoryField.ClosureValidated);
        Assert.Equal((DemoAccounts.Coordinator, "Validated on the evidence of 1 file."), (validated.ChangedBy, validated.NewValue));
        Assert.Contains(stored.History, h => h.Field == HistoryField.Implementation && h.NewValue == "implemented" && h.ChangedBy == DemoAccounts.Coordinator);
        var after = await DashboardPage.OpenAsync(coordinator);
        Assert.Equal((before.Figure("ImplementationClaimed"), before.Figure("Implemented") + 1), (after.Figure("ImplementationClaimed"), after.Figure("Implemented")));
        Assert.Null((await coordinator.GetDocumentAsync("/Validation")).QuerySelector($"#claim-{id}"));
    }

    [Fact]
    public async Task AReturnedClaim_KeepsTheEarlierStatus_EmailsTheClaimer_AndShowsOnTheirStartPage()
    {
        var id = await OpenRecommendationAsync(4);
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var recordedBefore = (await StoredAsync(id)).Implementation;
        await ClaimAsync(focalPoint, id);

        var refused = await DecideAsync(coordinator, id, "Return", new() { ["Reason"] = "  " });
        Assert.Contains("Give the reason", await ProblemAsync(refused), StringComparison.Ordinal);
        Assert.True((await StoredAsync(id)).IsImplementationClaimed);

        var returned = await DecideAsync(coordinator, id, "Return", new() { ["Reason"] = "The circular attached is a draft; attach the signed one." });

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal((recordedBefore, false), (stored.Implementation, stored.IsImplementationClaimed));
        Assert.Contains(stored.History, h => h.Field == HistoryField.ClaimReturned && h.ChangedBy == DemoAccounts.Coordinator
            && h.NewValue == "The circular attached is a draft; attach the signed one.");

        await app.RunFollowUpAsync();
        var subject = $"JIU follow-up: the implementation of {Environment} recommendation {stored.Number} was returned";
        var mail = Assert.Single(await ReceivedAsync(m => m.Subject == subject));
        Assert.Equal(DemoAccounts.RobinZuercher, mail.To.Mailboxes.Single().Address);
        Assert.Contains("The circular attached is a draft; attach the signed one.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/Recommendations/Edit/{id}", mail.TextBody, StringComparison.Ordinal);

        var start = await focalPoint.GetDocumentAsync("/Reports/Mine");
        Assert.Contains("The circular attached is a draft; attach the signed one.", start.QuerySelector("#returned-claims")!.TextContent, StringComparison.Ordinal);

        // Stating the status again clears the notice.
        await ClaimAsync(focalPoint, id);
        var again = await focalPoint.GetDocumentAsync("/Reports/Mine");
        Assert.DoesNotContain("The circular attached is a draft", again.QuerySelector("#returned-claims")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClaimer_CannotDecideOnTheirOwnClaim_EvenAsAnAdministrator()
    {
        var id = await OpenRecommendationAsync(5);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        await ClaimAsync(admin, id);
        var token = await admin.AntiforgeryTokenAsync("/Validation");
        var version = (await StoredAsync(id)).Version;

        var response = await admin.PostAsync($"/Validation/Decide/{id}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = $"{version}", ["Justification"] = "I checked it myself.",
        }));

        Assert.Contains("yourself", await ProblemAsync(response), StringComparison.Ordinal);
        var stored = await StoredAsync(id);
        Assert.True(stored.IsImplementationClaimed);
        Assert.NotEqual(ImplementationStatus.Implemented, stored.Implementation);
        Assert.Contains("Your own claim", (await admin.GetDocumentAsync("/Validation")).QuerySelector($"#claim-{id}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClaimWithoutEvidence_IsAcceptedOnlyWithAJustification()
    {
        var id = await OpenRecommendationAsync(6);
        await ClaimAsync(await app.SignedInClientAsync(DemoAccounts.RobinZuercher), id);
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);

        var refused = await DecideAsync(coordinator, id, "Accept", []);
        Assert.Contains("no evidence in force", await ProblemAsync(refused), StringComparison.Ordinal);
        Assert.True((await StoredAsync(id)).IsImplementationClaimed);

        var accepted = await DecideAsync(coordinator, id, "Accept", new() { ["Justification"] = "Council decision C26/12 records it." });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(ImplementationStatus.Implemented, stored.Implementation);
        Assert.Contains(stored.History, h => h.Field == HistoryField.ClosureValidated && h.NewValue == "Validated on the evidence of 0 files: Council decision C26/12 records it.");
    }

    [Fact]
    public async Task ADecisionOnAFormOpenedBeforeTheRecommendationChanged_DecidesNothing()
    {
        var id = await OpenRecommendationAsync(9);
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        await ClaimAsync(focalPoint, id);
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var form = await coordinator.GetDocumentAsync($"/Validation/Decide/{id}");

        // The focal point takes the claim back meanwhile.
        Assert.Equal(HttpStatusCode.Redirect, (await focalPoint.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Acceptance"] = "Accepted", ["Input.Implementation"] = "InProgress",
        })).StatusCode);
        var response = await coordinator.SubmitFormAsync(form, $"/Validation/Decide/{id}",
            new Dictionary<string, string> { ["Justification"] = "Seen at the session." }, "main form[action*='handler=Accept']");

        Assert.Contains("was changed after you opened it", await ProblemAsync(response), StringComparison.Ordinal);
        var stored = await StoredAsync(id);
        Assert.Equal((ImplementationStatus.InProgress, false), (stored.Implementation, stored.IsImplementationClaimed));
        Assert.DoesNotContain(stored.History, h => h.Field == HistoryField.ClosureValidated);
    }

    [Fact]
    public async Task AFocalPointOrAnAuditor_CannotOpenTheQueue()
    {
        foreach (var who in new[] { DemoAccounts.RobinZuercher, DemoAccounts.Auditor })
        {
            var client = await app.SignedInClientAsync(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Validation")).StatusCode);
        }
    }
}
