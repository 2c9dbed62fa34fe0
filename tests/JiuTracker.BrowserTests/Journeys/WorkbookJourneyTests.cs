using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>A focal point collects answers offline: downloads the update workbook, fills it in, uploads it, reads the preview, applies it.</summary>
public sealed class WorkbookJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Report = DemoAccounts.EnvironmentReport;

    [Fact]
    public async Task FocalPoint_DownloadsTheWorkbook_FillsItIn_UploadsIt_ReadsThePreview_Applies_AndSeesTheMatrix()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        var page = session.Page;

        await Journey.RunAsync(page, nameof(FocalPoint_DownloadsTheWorkbook_FillsItIn_UploadsIt_ReadsThePreview_Applies_AndSeesTheMatrix), async () =>
        {
            await page.GotoAsync("Reports/Mine");
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Download an update workbook of all my reports" }).ClickAsync());
            Assert.Matches(@"^jiu-update-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);
            var path = await download.PathAsync();

            // What a colleague typed in Excel: a comment on recommendation 1, a misspelt acceptance on recommendation 2.
            var workbook = new UpdateWorkbookEditor(await File.ReadAllBytesAsync(path))
                .Set(Report, 1, UpdateSheet.NewComment, "Answered offline by the unit.")
                .Set(Report, 2, UpdateSheet.Acceptance, "Acepted");

            await page.GetByRole(AriaRole.Link, new() { Name = "Upload a filled-in workbook" }).ClickAsync();
            await page.GetByLabel("Update workbook (.xlsx)").SetInputFilesAsync(new FilePayload
            {
                Name = "environment.xlsx",
                MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Buffer = workbook.Bytes,
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

            await Expect(page.Locator("#preview-summary")).ToContainTextAsync("1 to change");
            await Expect(page.Locator("#change")).ToContainTextAsync($"{Report} recommendation 1");
            await Expect(page.Locator("#change")).ToContainTextAsync("Answered offline by the unit.");
            await Expect(page.Locator("#refused")).ToContainTextAsync("\"Acepted\" is not an acceptance value");

            await page.GetByRole(AriaRole.Button, new() { Name = "Apply 1 change(s)" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/Reports/Details/\d+$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Applied environment.xlsx: 1 recommendation(s) changed");
            await Expect(page.Locator("#recommendation-1 .comment-text").Last).ToHaveTextAsync("Answered offline by the unit.");
        });

        var source = await app.QueryAsync(db => db.History
            .Where(h => h.Recommendation.Report.Symbol == Report && h.Recommendation.Number == 1)
            .OrderBy(h => h.Id).Select(h => h.Source).LastAsync());
        Assert.Contains("environment.xlsx (SHA-256 ", source, StringComparison.Ordinal);
    }
}
