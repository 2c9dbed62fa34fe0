using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

public sealed class AdministratorJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Symbol = "JIU/REP/2024/5";
    private const string Title = "Review of business continuity management in United Nations system organizations";

    private const string Block = """
        Recommendation 1: The executive heads of United Nations system organizations should, by the end of 2026, review their business continuity plans.

        Recommendation 2: The legislative organs and governing bodies of the United Nations system organizations should, no later than 2027, request an annual report on organizational resilience.
        """;

    [Fact]
    public async Task Administrator_CreatesAReport_ByPastingItsRecommendations()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.Admin);
        var page = session.Page;

        await Journey.RunAsync(page, nameof(Administrator_CreatesAReport_ByPastingItsRecommendations), async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Register a report" }).ClickAsync();
            await page.GetByLabel("Symbol", new() { Exact = true }).FillAsync(Symbol);
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
            await page.GetByLabel("Not yet available").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Symbol);

            await page.GetByRole(AriaRole.Link, new() { Name = "Paste the recommendations block" }).ClickAsync();
            await page.GetByLabel("Recommendations block").FillAsync(Block);
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

            // The preview shows what was read from each paragraph, ready to correct.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preview: 2 recommendation(s)" })).ToBeVisibleAsync();
            var first = page.GetByRole(AriaRole.Group, new() { Name = "Row 1" });
            var second = page.GetByRole(AriaRole.Group, new() { Name = "Row 2" });
            await Expect(first.GetByLabel("Number")).ToHaveValueAsync("1");
            await Expect(first.GetByLabel("Addressee")).ToHaveValueAsync("ExecutiveHeads");
            await Expect(first.GetByLabel("Deadline year")).ToHaveValueAsync("2026");
            await Expect(second.GetByLabel("Number")).ToHaveValueAsync("2");
            await Expect(second.GetByLabel("Addressee")).ToHaveValueAsync("LegislativeBodies");
            await Expect(second.GetByLabel("Deadline year")).ToHaveValueAsync("2027");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save these recommendations" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/Admin/Reports/Edit/\\d+#recommendations$"));
            var rows = page.GetByRole(AriaRole.Region, new() { Name = "Recommendations" }).Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(rows.Locator("td:nth-child(3)")).ToHaveTextAsync(["Executive heads", "Legislative/governing bodies"]);
            await Expect(rows.Locator("td:nth-child(4)")).ToHaveTextAsync(["2026", "2027"]);

            // The new report is in the list everyone reads, with its matrix.
            await page.GetByRole(AriaRole.Link, new() { Name = "See the report's status matrix" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Symbol);
            await Expect(page.Locator("#recommendation-1")).ToContainTextAsync("review their business continuity plans");
            await Expect(page.Locator("#recommendation-2")).ToContainTextAsync("request an annual report on organizational resilience");
        });

        Assert.Equal(2, await app.QueryAsync(db => db.Recommendations.CountAsync(r => r.Report.Symbol == Symbol)));
    }
}
