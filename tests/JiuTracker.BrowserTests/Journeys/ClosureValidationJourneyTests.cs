using System.Globalization;
using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>
/// A closure validated from end to end (decision 032): the focal point attaches the evidence and states Implemented,
/// which the matrix shows as a claim; the coordinator finds it from the menu, reads the evidence and accepts it, and
/// the dashboard moves it from the claimed to the implemented.
/// </summary>
public sealed class ClosureValidationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string FileName = "environmental-policy-adopted.pdf";
    private const string Description = "Environmental sustainability policy adopted by the Council";
    private const string Justification = "The policy the recommendation asks for, as adopted by the Council.";

    [Fact]
    public async Task FocalPoint_AttachesEvidenceAndClaimsImplemented_CoordinatorReadsTheEvidenceAndAcceptsIt()
    {
        // The only test of this class, on an app of its own: the first accepted recommendation not yet implemented.
        var target = (await app.OfReportAsync(DemoAccounts.EnvironmentReport)).First(Claims.ClaimableNow);
        var effectiveOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("jiutracker-evidence-");
        var pdf = Path.Combine(folder.FullName, FileName);
        await File.WriteAllBytesAsync(pdf, EvidenceFiles.Pdf);
        await using var robin = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        await using var coordinator = await app.SignedInAsync(DemoAccounts.Coordinator);
        var page = robin.Page;
        var decide = coordinator.Page;
        var before = (Implemented: 0, Claimed: 0);
        var after = (Implemented: 0, Claimed: 0);

        try
        {
            await Journey.RunAsync([page, decide], nameof(FocalPoint_AttachesEvidenceAndClaimsImplemented_CoordinatorReadsTheEvidenceAndAcceptsIt), async () =>
            {
                // Robin attaches the adopted policy from the recommendation's row of the matrix.
                await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.EnvironmentReport }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = $"Evidence (0) of recommendation {target.Number}", Exact = true }).ClickAsync();
                await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(pdf);
                await page.GetByLabel("Description").FillAsync(Description);
                await page.GetByLabel("Takes effect on").FillAsync(effectiveOn);
                await page.GetByRole(AriaRole.Button, new() { Name = "Attach" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{FileName} was attached (PDF document");

                // Then states Implemented: the matrix shows a claim, and the recorded status stays what it was.
                await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = DemoAccounts.EnvironmentReport }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = $"Update recommendation {target.Number}", Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Group, new() { Name = "Implementation status" }).GetByLabel("Implemented", new() { Exact = true }).CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Recommendation {target.Number} saved.");
                var row = page.Locator($"#recommendation-{target.Number}");
                await Expect(row.Locator(".claim-text")).ToContainTextAsync("Implementation claimed");
                var implementation = row.Locator("td.mark[data-label=Implementation]");
                await Expect(implementation.Last).ToHaveTextAsync("Claimed");
                await Expect(row.GetByRole(AriaRole.Link, new() { Name = $"Evidence (1) of recommendation {target.Number}", Exact = true })).ToBeVisibleAsync();

                // The coordinator reads the figures before deciding.
                var menu = decide.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
                await menu.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
                before = await FiguresAsync(decide);
                Assert.True(before.Claimed >= 1, $"The dashboard shows {before.Claimed} claimed implementation(s) after Robin's claim.");

                // The queue, from the menu, lists the claim with its file; the claim's page lists the file to download.
                await menu.GetByRole(AriaRole.Link, new() { Name = "Validation", Exact = true }).ClickAsync();
                await Expect(decide.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Validation of implementation");
                var claim = decide.Locator($"#claim-{target.Id}");
                await Expect(claim).ToContainTextAsync(DemoAccounts.RobinZuercher);
                await Expect(claim.GetByRole(AriaRole.Link, new() { Name = $"1 file of evidence for {DemoAccounts.EnvironmentReport} recommendation {target.Number}" })).ToBeVisibleAsync();
                await claim.GetByRole(AriaRole.Link, new() { Name = $"Decide on {DemoAccounts.EnvironmentReport} recommendation {target.Number}" }).ClickAsync();

                await Expect(decide).ToHaveURLAsync(new Regex($"/Validation/Decide/{target.Id}$"));
                await Expect(decide.Locator("#claim")).ToContainTextAsync($"claimed by {DemoAccounts.RobinZuercher}");
                var evidence = decide.Locator("ul#evidence > li");
                await Expect(evidence).ToHaveCountAsync(1);
                await Expect(evidence).ToContainTextAsync($"{FileName} (PDF document, takes effect {effectiveOn}): {Description}");
                var href = await evidence.GetByRole(AriaRole.Link, new() { Name = FileName }).GetAttributeAsync("href");
                Assert.Matches(@"^/Recommendations/EvidenceFile/\d+$", href);
                var file = await decide.APIRequest.GetAsync(href!);
                Assert.Equal(200, file.Status);
                Assert.StartsWith("application/pdf", file.Headers["content-type"], StringComparison.Ordinal);
                Assert.StartsWith("attachment", file.Headers["content-disposition"], StringComparison.Ordinal);
                Assert.Contains(FileName, file.Headers["content-disposition"], StringComparison.Ordinal);
                Assert.Equal(EvidenceFiles.Pdf, await file.BodyAsync());

                // Accepting it leaves the queue without it.
                await decide.GetByLabel("Justification").FillAsync(Justification);
                await decide.GetByRole(AriaRole.Button, new() { Name = "Accept: record as Implemented" }).ClickAsync();
                await Expect(decide).ToHaveURLAsync(new Regex("/Validation$"));
                await Expect(decide.GetByRole(AriaRole.Status)).ToHaveTextAsync("The implementation was validated: it now counts as Implemented.");
                await Expect(decide.Locator($"#claim-{target.Id}")).ToHaveCountAsync(0);

                await menu.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
                after = await FiguresAsync(decide);
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.Equal((before.Implemented + 1, before.Claimed - 1), (after.Implemented, after.Claimed));
        var stored = await app.StoredAsync(target.Id);
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.Implemented), (stored.Acceptance, stored.Implementation));
    }

    /// <summary>The dashboard's "Implemented" and "Implementation claimed" counts, as its figures table shows them.</summary>
    private static async Task<(int Implemented, int Claimed)> FiguresAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        async Task<int> CountAsync(string figure) => int.Parse(
            await page.Locator($"#figures tr[data-figure={figure}] td a").InnerTextAsync(), CultureInfo.InvariantCulture);
        return (await CountAsync("Implemented"), await CountAsync("ImplementationClaimed"));
    }
}
