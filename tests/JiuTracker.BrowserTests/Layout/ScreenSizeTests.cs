using Microsoft.EntityFrameworkCore;
using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Layout;

/// <summary>The pages fit the screens people have: a 1366 px laptop, and a 390 px phone.</summary>
public sealed class ScreenSizeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// What sticks out sideways: the page itself, any scrolled box, any clipped cell of a table, any drop-down list too
    /// narrow for every one of its choices. On a phone a wide list may scroll in its own box
    /// (<paramref name="tablesMayScroll"/>); the page around it may not.
    /// </summary>
    private static Task<string[]> OverflowsAsync(IPage page, bool tablesMayScroll = false) => page.EvaluateAsync<string[]>("""
        tablesMayScroll => {
            const found = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) found.push(`the page is ${root.scrollWidth} px wide in ${root.clientWidth} px`);
            if (tablesMayScroll) return found;
            for (const box of document.querySelectorAll('.table-responsive')) {
                if (box.scrollWidth > box.clientWidth) found.push(`a table is ${box.scrollWidth} px wide in a ${box.clientWidth} px box`);
            }
            for (const cell of document.querySelectorAll('table td, table th')) {
                if (cell.scrollWidth > cell.clientWidth + 1) found.push(`a cell is clipped: "${cell.textContent.trim().slice(0, 40)}"`);
            }
            // A select does not scroll: its chosen text is cut off silently. Each choice is measured in the select's font.
            const measure = document.createElement('canvas').getContext('2d');
            for (const select of document.querySelectorAll('select:not([multiple])')) {
                const style = getComputedStyle(select);
                if (style.display === 'none' || select.offsetParent === null) continue;
                measure.font = style.font;
                const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                for (const option of select.options) {
                    if (measure.measureText(option.text).width > room + 1) {
                        found.push(`the choice "${option.text}" is cut in the list ${select.id || select.name}`);
                        break;
                    }
                }
            }
            return found;
        }
        """, tablesMayScroll);

    private async Task<int> ReportIdAsync(string symbol) =>
        await app.QueryAsync(db => Task.FromResult(db.Reports.Single(r => r.Symbol == symbol).Id));

    [Theory]
    [InlineData("Reports/Details/{0}")]
    [InlineData("Reports/Update/{0}")]
    [InlineData("Reports")]
    [InlineData("Reports/Mine")]
    [InlineData("Updates/Upload")]
    [InlineData("Dashboard/Attention")]
    [InlineData("Dashboard/Trends")]
    [InlineData("Dashboard/Breakdown?by=report")]
    [InlineData("Dashboard")]
    [InlineData("Account/Tokens")]
    public async Task Page_OnA1366PxLaptop_FitsWithoutScrollingSideways(string address)
    {
        var reportId = await ReportIdAsync(DemoAccounts.EnvironmentReport);
        await using var session = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);

        await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, reportId));

        Assert.Empty(await OverflowsAsync(page));
        // Kept beside the failures' pages, for a person to look at the page as a 1366 px laptop shows it.
        await Journey.SaveAsync([page], "at-1366px-" + string.Concat(address.Select(c => char.IsLetterOrDigit(c) ? c : '-')));
    }

    /// <param name="address">With {0} the open sample round, {1} the closed one, {2} one of the e-mails in the outbox.</param>
    [Theory]
    [InlineData("Rounds", DemoAccounts.RobinZuercher)]
    [InlineData("Account", DemoAccounts.RobinZuercher)]
    [InlineData("Rounds/Progress/{0}", DemoAccounts.Coordinator)]
    [InlineData("Rounds/Progress/{1}", DemoAccounts.Coordinator)]
    [InlineData("Rounds/Open", DemoAccounts.Coordinator)]
    [InlineData("Rounds/Close/{0}", DemoAccounts.Coordinator)]
    [InlineData("Rounds/Remind/{0}", DemoAccounts.Coordinator)]
    [InlineData("Admin/Outbox", DemoAccounts.Admin)]
    [InlineData("Admin/Outbox?id={2}", DemoAccounts.Admin)]
    public async Task FollowUpPage_OnA1366PxLaptop_FitsWithoutScrollingSideways(string address, string email)
    {
        var rounds = await app.SampleAsync();
        await using var session = await app.SignedInAsync(email);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);

        var response = await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, rounds.Open, rounds.Closed, rounds.Message));

        Assert.Equal(200, response?.Status);
        Assert.Empty(await OverflowsAsync(page));
    }

    /// <param name="address">With {0} a claim with evidence, {1} one without, {2} their report.</param>
    /// <param name="shown">What of the claims the page must show, so that it is measured with it.</param>
    [Theory]
    [InlineData("Validation", DemoAccounts.Coordinator, "#queue")]
    [InlineData("Validation/Decide/{0}", DemoAccounts.Coordinator, "#evidence")]
    [InlineData("Validation/Decide/{1}", DemoAccounts.Admin, "#no-evidence")]
    [InlineData("Reports/Mine", DemoAccounts.AndersNorsker, "#returned-claims")]
    [InlineData("Reports/Details/{2}", DemoAccounts.RobinZuercher, ".claim-mark")]
    public async Task ClaimPage_OnA1366PxLaptop_FitsWithoutScrollingSideways(string address, string email, string shown)
    {
        var claims = await app.SampleClaimsAsync();
        await using var session = await app.SignedInAsync(email);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);

        var response = await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, claims.WithEvidence, claims.WithoutEvidence, claims.Report));

        Assert.Equal(200, response?.Status);
        await Expect(page.Locator(shown).First).ToBeVisibleAsync();
        Assert.Empty(await OverflowsAsync(page));
    }

    /// <param name="address">With {0} an account locked after failed sign-ins.</param>
    [Theory]
    [InlineData("Admin/Accounts")]
    [InlineData("Admin/Accounts/Edit/{0}")]
    public async Task LockedAccount_OnA1366PxLaptop_FitsWithoutScrollingSideways(string address)
    {
        var locked = await app.LockedAccountAsync();
        await using var session = await app.SignedInAsync(DemoAccounts.Admin);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);

        var response = await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, locked));

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByText("Locked after failed sign-ins").First).ToBeVisibleAsync();
        Assert.Empty(await OverflowsAsync(page));
    }

    /// <summary>
    /// The menu of those who see the most of it (Validation included) stays one line beside the brand, the language menu
    /// and "Sign out", in each of the six languages.
    /// </summary>
    [Theory]
    [InlineData(DemoAccounts.Admin, "en")]
    [InlineData(DemoAccounts.Coordinator, "en")]
    [InlineData(DemoAccounts.Admin, "ar")]
    [InlineData(DemoAccounts.Admin, "zh")]
    [InlineData(DemoAccounts.Admin, "fr")]
    [InlineData(DemoAccounts.Admin, "ru")]
    [InlineData(DemoAccounts.Admin, "es")]
    public async Task Navigation_OnA1366PxLaptop_KeepsEveryLinkAndSignOutOnOneLine(string email, string culture)
    {
        await using var session = await app.SignedInAsync(email);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("Validation?culture=" + culture);

        await Expect(page.Locator("nav .navbar-toggler")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.navbar a.nav-link[href='/Validation']")).ToBeVisibleAsync();
        var misplaced = await page.EvaluateAsync<string[]>("""
            () => {
                const found = [];
                const nav = document.querySelector('nav.navbar');
                const brand = nav.querySelector('.navbar-brand').getBoundingClientRect();
                const items = [...nav.querySelectorAll('.navbar-nav .nav-link, .navbar-text, .language-menu, button[type=submit]')];
                for (const item of items) {
                    const name = item.textContent.trim().replace(/\s+/g, ' ');
                    const box = item.getBoundingClientRect();
                    if (box.top >= brand.bottom || box.bottom <= brand.top) found.push(`"${name}" is on another line than the brand`);
                    if (box.right > document.documentElement.clientWidth || box.left < 0) found.push(`"${name}" runs from ${box.left} to ${box.right} px`);
                    // A wrapped text has fragments on more than one line.
                    const range = document.createRange();
                    range.selectNodeContents(item);
                    const bottoms = [...range.getClientRects()].filter(r => r.width > 1).map(r => r.bottom).sort((a, b) => a - b);
                    const lines = bottoms.filter((bottom, i) => i === 0 || bottom - bottoms[i - 1] > 4).length;
                    if (lines > 1) found.push(`"${name}" wraps onto ${lines} lines`);
                }
                if (items.length === 0) found.push('the menu has no items');
                return found;
            }
            """);

        Assert.Empty(misplaced);
        Assert.Empty(await OverflowsAsync(page));
    }

    [Theory]
    [InlineData(DemoAccounts.RobinZuercher)]
    [InlineData(DemoAccounts.Auditor)]
    public async Task Evidence_WithALongNameAndAWithdrawnFile_OnA1366PxLaptop_FitsWithoutScrollingSideways(string email)
    {
        var id = await app.QueryAsync(db => db.Recommendations.Where(r => r.Report.Symbol == DemoAccounts.EnvironmentReport).OrderBy(r => r.Number).Select(r => r.Id).FirstAsync());
        await app.QueryAsync(async db =>
        {
            if (!await db.Evidence.AnyAsync(e => e.RecommendationId == id))
            {
                await EvidenceFiles.AttachAsync(db, id, DemoAccounts.RobinZuercher, "Environmental-management-policy-adopted-by-the-Council-at-its-2026-session-final-version.pdf", EvidenceFiles.Pdf, new string('w', 500));
                var withdrawn = await EvidenceFiles.AttachAsync(db, id, DemoAccounts.RobinZuercher, "wrong-circular.docx", EvidenceFiles.Docx());
                var recommendation = await db.Recommendations.SingleAsync(r => r.Id == id);
                var evidence = await db.Evidence.SingleAsync(e => e.Id == withdrawn);
                recommendation.WithdrawEvidence(evidence, "The circular of another organization was attached by mistake.", new JiuTracker.Web.Domain.ChangeStamp(DemoAccounts.RobinZuercher, DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }

            return 0;
        });
        await using var session = await app.SignedInAsync(email);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);

        var response = await page.GotoAsync($"Recommendations/Evidence/{id}");

        Assert.Equal(200, response?.Status);
        Assert.Empty(await OverflowsAsync(page));
    }

    [Fact]
    public async Task History_OfAChangeFromAnUpdateWorkbook_OnA1366PxLaptop_FitsWithoutScrollingSideways()
    {
        // A file name as long as an upload keeps, and its SHA-256, without a space, as an upload writes them in the history.
        var id = await app.QueryAsync(async db =>
        {
            var recommendation = await db.Recommendations.OrderBy(r => r.Id).FirstAsync(r => r.Report.Symbol == DemoAccounts.OtherReport);
            var source = $"workbook upload 1: {new string('u', 200)}.xlsx (SHA-256 {new string('a', 64)})";
            recommendation.AddComment("Collected offline.", new JiuTracker.Web.Domain.ChangeStamp(DemoAccounts.CosmasZavazava, DateTimeOffset.UtcNow, source));
            await db.SaveChangesAsync();
            return recommendation.Id;
        });
        await using var session = await app.SignedInAsync(DemoAccounts.Auditor);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);

        await page.GotoAsync($"Recommendations/History/{id}");

        await Expect(page.GetByText("via workbook upload 1:")).ToBeVisibleAsync();
        Assert.Empty(await OverflowsAsync(page));
    }

    [Fact]
    public async Task Navigation_OnA390PxPhone_CollapsesBehindAMenuButton_ThatReachesSignOut()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("Reports");

        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();

        await Expect(signOut).ToBeVisibleAsync();
        var box = (await signOut.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"Sign out spans {box.X} to {box.X + box.Width} px on a 390 px screen");
        Assert.Empty(await OverflowsAsync(page, tablesMayScroll: true));
    }

    [Fact]
    public async Task Matrix_OnA390PxPhone_ReadsAsOneCardPerRecommendation_AndOneCanBeEdited()
    {
        var reportId = await ReportIdAsync(DemoAccounts.EnvironmentReport);
        await using var session = await app.SignedInAsync(DemoAccounts.RobinZuercher);
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);

        await Journey.RunAsync(page, nameof(Matrix_OnA390PxPhone_ReadsAsOneCardPerRecommendation_AndOneCanBeEdited), async () =>
        {
            await page.GotoAsync($"Reports/Details/{reportId}");
            var displays = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('table.matrix tbody tr')].map(r => getComputedStyle(r).display)");
            Assert.NotEmpty(displays);
            Assert.All(displays, display => Assert.Equal("block", display));
            // Each recorded status says what it is, since the column headings are not shown beside it.
            var labels = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('#recommendation-1 td.mark:not(:empty)')].map(c => getComputedStyle(c, '::before').content + ' ' + c.innerText.trim())");
            Assert.Contains(labels, label => label.StartsWith("\"Acceptance: \"", StringComparison.Ordinal) && label.EndsWith(" Accepted", StringComparison.Ordinal));
            // The caption's word about the X is left out where the cards show words instead.
            await Expect(page.Locator("table.matrix caption .marks-legend")).ToBeHiddenAsync();
            Assert.Empty(await OverflowsAsync(page));

            await page.GetByRole(AriaRole.Link, new() { Name = "Update recommendation 1", Exact = true }).ClickAsync();
            Assert.Empty(await OverflowsAsync(page));
            await page.GetByLabel("New comment").FillAsync("Checked on a phone.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Recommendation 1 saved.");
            await Expect(page.Locator("#recommendation-1")).ToContainTextAsync("Checked on a phone.");
        });
    }
}
