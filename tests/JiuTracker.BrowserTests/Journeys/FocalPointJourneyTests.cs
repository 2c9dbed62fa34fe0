using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>A focal point at work on their report, and what they may not do. Each test edits a different recommendation.</summary>
public sealed class FocalPointJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task FocalPoint_RecordsAcceptanceAndImplementationWithAComment_AndSeesTheHistory()
    {
        // A recommendation imported without an acceptance, so both acceptance and implementation change.
        var target = (await app.OfReportAsync(DemoAccounts.EnvironmentReport))
            .First(r => r.Acceptance is null && r.Implementation != ImplementationStatus.InProgress);
        const string comment = "Accepted by the Secretary-General; environmental management systems are being rolled out.";
        await using var session = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        var page = session.Page;

        await Journey.RunAsync(page, nameof(FocalPoint_RecordsAcceptanceAndImplementationWithAComment_AndSeesTheHistory), async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.EnvironmentReport }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = $"Update recommendation {target.Number}", Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Update recommendation {target.Number}");
            await page.GetByRole(AriaRole.Group, new() { Name = "Acceptance" }).GetByLabel("Accepted", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Implementation status" }).GetByLabel("In progress", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("New comment").FillAsync(comment);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            // Back on the report: the row shows the new marks, each with its words for screen readers, and the comment.
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Recommendation {target.Number} saved.");
            var row = page.Locator($"#recommendation-{target.Number}");
            var marks = row.Locator("td.mark");
            await Expect(marks).ToHaveTextAsync(["XAccepted", "", "", "", "", "XIn progress", ""]);
            await Expect(row.Locator(".comment-text").Last).ToHaveTextAsync(comment);

            await row.GetByRole(AriaRole.Link, new() { Name = $"History of recommendation {target.Number}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"History of recommendation {target.Number}");
            var changes = page.Locator("tbody tr").Filter(new() { HasText = DemoAccounts.RobinZuercher });
            await Expect(changes).ToHaveCountAsync(3);
            await Expect(changes.Nth(0).Locator("th, td").Nth(2)).ToHaveTextAsync("Acceptance");
            await Expect(changes.Nth(0).Locator("td").Last).ToHaveTextAsync("Accepted");
            await Expect(changes.Nth(1).Locator("th, td").Nth(2)).ToHaveTextAsync("Implementation");
            await Expect(changes.Nth(1).Locator("td").Last).ToHaveTextAsync("In progress");
            await Expect(changes.Nth(2).Locator("th, td").Nth(2)).ToHaveTextAsync("Comment added");
            await Expect(changes.Nth(2).Locator("td").Last).ToHaveTextAsync(comment);
        });

        var stored = await app.StoredAsync(target.Id);
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.InProgress), (stored.Acceptance, stored.Implementation));
    }

    [Fact]
    public async Task FocalPoint_CannotReachAnotherReportsEditing_AndTheServerRefusesThePost()
    {
        var own = (await app.OfReportAsync(DemoAccounts.CybersecurityReport)).Last();
        var other = (await app.OfReportAsync(DemoAccounts.OtherReport)).First(r => r.Acceptance != Acceptance.NotRelevant);
        await using var session = await app.SignedInAsync(DemoAccounts.AndersNorsker);
        var page = session.Page;

        await Journey.RunAsync(page, nameof(FocalPoint_CannotReachAnotherReportsEditing_AndTheServerRefusesThePost), async () =>
        {
            // The other report reads, with its histories, but offers nothing to update.
            await page.GotoAsync("Reports");
            await page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.OtherReport }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "History of recommendation" })).Not.ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Update recommendation" })).ToHaveCountAsync(0);

            // Typing the edit address in is refused, and the page says why.
            var typed = await page.GotoAsync($"Recommendations/Edit/{other.Id}");
            Assert.Equal(403, typed!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();

            // A form of their own report, pointed at the other report's recommendation, is refused by the server.
            await page.GotoAsync($"Recommendations/Edit/{own.Id}");
            await page.Locator("main form").EvaluateAsync("(form, action) => form.action = action", $"/Recommendations/Edit/{other.Id}");
            await page.GetByRole(AriaRole.Group, new() { Name = "Acceptance" }).GetByLabel("Not accepted", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("New comment").FillAsync("Written where it may not be.");
            var posted = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(),
                response => response.Request.Method == "POST");
            Assert.Equal(403, posted.Status);
            Assert.EndsWith($"/Recommendations/Edit/{other.Id}", posted.Url, StringComparison.Ordinal);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        });

        Assert.Equal(other, await app.StoredAsync(other.Id));
    }

    [Fact]
    public async Task ConcurrentEdit_FromTwoBrowserContexts_ShowsTheConflictMessage()
    {
        var target = (await app.OfReportAsync(DemoAccounts.CybersecurityReport))[1];
        await using var anders = await app.SignedInAsync(DemoAccounts.AndersNorsker);
        await using var preetam = await app.SignedInAsync(DemoAccounts.PreetamMaloor);
        var first = anders.Page;
        var second = preetam.Page;

        await Journey.RunAsync([first, second], nameof(ConcurrentEdit_FromTwoBrowserContexts_ShowsTheConflictMessage), async () =>
        {
            // Both open the same form before either saves.
            await first.GotoAsync($"Recommendations/Edit/{target.Id}");
            await second.GotoAsync($"Recommendations/Edit/{target.Id}");

            await first.GetByRole(AriaRole.Group, new() { Name = "Acceptance" }).GetByLabel("Accepted", new() { Exact = true }).CheckAsync();
            await first.GetByRole(AriaRole.Group, new() { Name = "Implementation status" }).GetByLabel("Implemented", new() { Exact = true }).CheckAsync();
            await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync($"Recommendation {target.Number} saved.");

            await second.GetByRole(AriaRole.Group, new() { Name = "Acceptance" }).GetByLabel("Requires further consideration", new() { Exact = true }).CheckAsync();
            await second.GetByRole(AriaRole.Group, new() { Name = "Implementation status" }).GetByLabel("Not recorded", new() { Exact = true }).CheckAsync();
            await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            // The later save is refused, says so, and shows what the first one stored.
            await Expect(second).ToHaveURLAsync(new Regex($"/Recommendations/Edit/{target.Id}$"));
            await Expect(second.Locator(".validation-summary-errors")).ToContainTextAsync(
                "Someone else saved this recommendation after you opened it, so your changes were not saved.");
            await Expect(second.Locator("#conflict")).ToContainTextAsync("acceptance Accepted, implementation Implemented.");
        });

        var stored = await app.StoredAsync(target.Id);
        // Implemented as stated: a claim awaiting a coordinator's validation (decision 032).
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.Implemented), (stored.Acceptance, stored.StatedImplementation));
    }
}
