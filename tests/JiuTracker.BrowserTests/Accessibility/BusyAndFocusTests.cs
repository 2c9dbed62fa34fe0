using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Accessibility;

/// <summary>
/// Keyboard focus is plain to see on the matrix's radio buttons, text areas and buttons; buttons that start a long
/// operation say so and cannot be pressed twice (wwwroot/js/busy.js).
/// </summary>
public sealed class BusyAndFocusTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task KeyboardFocus_OnTheMatrixsRadioButtonsTextAreasAndSaveButton_IsAThickOutline()
    {
        var reportId = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == DemoAccounts.EnvironmentReport).Select(r => r.Id).SingleAsync());
        await using var session = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        var page = session.Page;
        await page.GotoAsync($"Reports/Update/{reportId}");

        ILocator[] controls =
        [
            page.GetByLabel("Acceptance of recommendation 1", new() { Exact = true }),
            page.GetByLabel("New comment on recommendation 1", new() { Exact = true }),
            page.GetByRole(AriaRole.Button, new() { Name = "Save all changes" }),
        ];
        foreach (var control in controls)
        {
            await KeyboardTests.TabToAsync(page, control);
            var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth}`; }");
            Assert.True(outline == "solid 3px", $"{control}: focused, its outline is {outline}");
        }
    }

    [Fact]
    public async Task UploadButton_OncePressed_SaysWhatIsHappening_AndASecondPressSendsNothing()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.AndersNorsker);
        var page = session.Page;
        await page.GotoAsync("Updates/Upload");
        // The server answers slowly: the second press comes while the first is on its way.
        var posts = 0;
        await page.RouteAsync("**/Updates/Upload?handler=Preview", async route =>
        {
            Interlocked.Increment(ref posts);
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.GetByLabel("Update workbook (.xlsx)").SetInputFilesAsync(
            new FilePayload { Name = "slow.xlsx", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });

        // Two presses, the second half a second after the first, before the next page can arrive; what the button says
        // after the first is read in the page (a page that is being left cannot be read from outside).
        var between = await page.EvaluateAsync<string>("""
            () => {
                const button = [...document.querySelectorAll('main form button')].find(b => b.textContent.trim() === 'Preview');
                button.click();
                setTimeout(() => button.click(), 500);
                return `${button.textContent.trim()} | ${button.getAttribute('aria-disabled')}`;
            }
            """);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("workbook");

        Assert.Equal("Reading the workbook… | true", between);
        Assert.Equal(1, posts);
    }

    [Fact]
    public async Task ExportButton_ShowsItIsPreparingTheFile_UntilItIsDownloaded_ThenIsReadyAgain()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.Auditor);
        var page = session.Page;
        await page.GotoAsync("Exports");
        var answer = new TaskCompletionSource();
        var requests = 0;
        // The form's address, which redirects to the file's.
        await page.RouteAsync("**/Exports?*format=docx*", async route =>
        {
            Interlocked.Increment(ref requests);
            await answer.Task;
            await route.ContinueAsync();
        });

        var word = page.GetByRole(AriaRole.Button, new() { Name = "\"Action required\" document (Word)" });
        var download = page.WaitForDownloadAsync();
        var press = word.ClickAsync();
        var busy = page.Locator("form button.is-busy");
        await Expect(busy).ToHaveTextAsync("Preparing the file…");
        await busy.DispatchEventAsync("click");
        answer.SetResult();
        await press;

        var file = await download;
        Assert.Matches(@"^action-required-\d{4}-\d\d-\d\d\.docx$", file.SuggestedFilename);
        await Expect(busy).ToHaveCountAsync(0);
        await Expect(word).ToBeEnabledAsync();
        Assert.Equal(1, requests);
    }
}
