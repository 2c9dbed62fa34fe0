using System.Globalization;
using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

public sealed class ManagementJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Management_OpensTheDashboard_AndDrillsDownFromAFigureToItsRows()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.Management);
        var page = session.Page;

        await Journey.RunAsync(page, nameof(Management_OpensTheDashboard_AndDrillsDownFromAFigureToItsRows), async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

            // The figure "Accepted" in the figures table: its number is a link to exactly that many rows.
            var figure = page.Locator("#figures tr[data-figure=Accepted]").GetByRole(AriaRole.Link);
            var count = int.Parse(await figure.InnerTextAsync(), CultureInfo.InvariantCulture);
            Assert.True(count > 0, "The demo data has accepted recommendations.");
            await figure.ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/Dashboard/Recommendations\\?figure=Accepted$"));
            await Expect(page.Locator("h1 #count")).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
            var rows = page.Locator("main table tbody tr");
            await Expect(rows).ToHaveCountAsync(count);
            // Column 4 is the acceptance.
            await Expect(rows.Locator("td:nth-child(4)")).ToHaveTextAsync(Enumerable.Repeat("Accepted", count).ToArray());

            // And each row leads to its recommendation in the report's matrix.
            var first = rows.First.GetByRole(AriaRole.Rowheader).GetByRole(AriaRole.Link);
            var number = (await first.InnerTextAsync()).Replace("Recommendation ", "", StringComparison.Ordinal);
            await first.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/Reports/Details/\\d+#recommendation-{number}$"));
            await Expect(page.Locator($"#recommendation-{number} td.mark").First).ToHaveTextAsync("XAccepted");
        });
    }

    [Fact]
    public async Task Dashboard_Printed_CarriesTheOrganizationTheTimeOfItsFiguresAndTheFilters_WithoutTheForm()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.Management);
        var page = session.Page;
        await page.GotoAsync("Dashboard?from=2020&to=2020");

        await Expect(page.Locator("h1 .print-only")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator("h1 .print-only")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard — ITU, JIU recommendations", new() { UseInnerText = true });
        await Expect(page.Locator("#figures-as-of")).ToContainTextAsync(new Regex(@"Figures as of \d{4}-\d\d-\d\d \d\d:\d\d UTC"));
        await Expect(page.Locator("#figures-selection")).ToHaveTextAsync("Recommendations in force of the reports of 2020.");
        await Expect(page.Locator("#filters")).ToBeHiddenAsync();
    }
}
