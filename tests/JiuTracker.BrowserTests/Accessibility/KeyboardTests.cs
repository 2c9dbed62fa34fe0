using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Accessibility;

/// <summary>Status editing and the way to it, with the keyboard alone: Tab, arrow keys, Enter; no mouse, no filling by script.</summary>
public sealed class KeyboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task FocalPoint_OpensTheEditFormAndSavesAStatus_WithTheKeyboardAlone()
    {
        var target = (await app.OfReportAsync(DemoAccounts.CybersecurityReport)).First();
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.NotStarted), (target.Acceptance, target.Implementation));
        const string comment = "Still under discussion with the legal office.";
        await using var session = await app.SignedInAsync(DemoAccounts.AndersNorsker);
        var page = session.Page;
        var keyboard = page.Keyboard;

        await Journey.RunAsync(page, nameof(FocalPoint_OpensTheEditFormAndSavesAStatus_WithTheKeyboardAlone), async () =>
        {
            await page.GotoAsync("Reports");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.CybersecurityReport }));
            await keyboard.PressAsync("Enter");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Update recommendation {target.Number}", Exact = true }));
            await keyboard.PressAsync("Enter");

            // Tabbing into a radio group lands on its checked radio; the arrow keys move the choice.
            var acceptance = page.GetByRole(AriaRole.Group, new() { Name = "Acceptance" });
            await TabToAsync(page, acceptance.GetByLabel("Accepted", new() { Exact = true }));
            await keyboard.PressAsync("ArrowDown");
            await keyboard.PressAsync("ArrowDown");
            await keyboard.PressAsync("ArrowDown");
            await Expect(acceptance.GetByLabel("Requires further consideration")).ToBeCheckedAsync();
            await Expect(acceptance.GetByLabel("Requires further consideration")).ToBeFocusedAsync();

            var implementation = page.GetByRole(AriaRole.Group, new() { Name = "Implementation status" });
            await keyboard.PressAsync("Tab");
            await Expect(implementation.GetByLabel("Not started")).ToBeFocusedAsync();
            await keyboard.PressAsync("ArrowUp");
            await Expect(implementation.GetByLabel("Not recorded")).ToBeCheckedAsync();

            await keyboard.PressAsync("Tab");
            await Expect(page.GetByLabel("New comment")).ToBeFocusedAsync();
            await keyboard.TypeAsync(comment);
            await keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeFocusedAsync();
            await keyboard.PressAsync("Enter");

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Recommendation {target.Number} saved.");
        });

        var stored = await app.StoredAsync(target.Id);
        Assert.Equal((Acceptance.UnderConsideration, (ImplementationStatus?)null), (stored.Acceptance, stored.Implementation));
    }

    [Fact]
    public async Task FocalPoint_UpdatesTheWholeReportInTheMatrix_WithTheKeyboardAlone()
    {
        var rows = await app.OfReportAsync(DemoAccounts.CybersecurityReport);
        await using var session = await app.SignedInAsync(DemoAccounts.AndersNorsker);
        var page = session.Page;
        var keyboard = page.Keyboard;

        await Journey.RunAsync(page, nameof(FocalPoint_UpdatesTheWholeReportInTheMatrix_WithTheKeyboardAlone), async () =>
        {
            await page.GotoAsync("Reports/Mine");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Update the recommendations of {DemoAccounts.CybersecurityReport}" }));
            await keyboard.PressAsync("Enter");

            // Each row's fields come one after the other: acceptance, implementation, new comment, then the next row.
            foreach (var row in rows)
            {
                await TabToAsync(page, page.GetByLabel($"Acceptance of recommendation {row.Number}", new() { Exact = true }));
                await keyboard.PressAsync("Tab");
                await Expect(page.GetByLabel($"Implementation status of recommendation {row.Number}", new() { Exact = true })).ToBeFocusedAsync();
                await keyboard.PressAsync("Tab");
                await Expect(page.GetByLabel($"New comment on recommendation {row.Number}", new() { Exact = true })).ToBeFocusedAsync();
                await keyboard.TypeAsync($"Keyboard round, recommendation {row.Number}.");
            }

            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save all changes" }));
            await keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{rows.Count} recommendation(s) saved.");
        });

        var comments = await app.QueryAsync(db => db.Comments.Where(c => c.Recommendation.Report.Symbol == DemoAccounts.CybersecurityReport).Select(c => c.Text).ToListAsync());
        Assert.All(rows, row => Assert.Contains($"Keyboard round, recommendation {row.Number}.", comments));
    }

    [Fact]
    public async Task FocalPoint_UploadsAnUpdateWorkbookAndAppliesIt_WithTheKeyboardAlone()
    {
        const string comment = "Collected offline, applied with the keyboard.";
        await using var session = await app.SignedInAsync(DemoAccounts.AndersNorsker);
        var page = session.Page;
        var keyboard = page.Keyboard;

        await Journey.RunAsync(page, nameof(FocalPoint_UploadsAnUpdateWorkbookAndAppliesIt_WithTheKeyboardAlone), async () =>
        {
            await page.GotoAsync("Reports/Mine");
            var download = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), $"/export/update-workbook.xlsx?report={DemoAccounts.CybersecurityReport}").ToString());
            var workbook = new UpdateWorkbookEditor(await download.BodyAsync()).Set(DemoAccounts.CybersecurityReport, 1, UpdateSheet.NewComment, comment);

            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Upload a filled-in workbook" }));
            await keyboard.PressAsync("Enter");
            // The file chooser is the system's own dialog: what it would return is handed to the focused field.
            var file = page.GetByLabel("Update workbook (.xlsx)");
            await TabToAsync(page, file);
            await file.SetInputFilesAsync(new FilePayload { Name = "keyboard.xlsx", MimeType = "application/octet-stream", Buffer = workbook.Bytes });
            await keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Preview" })).ToBeFocusedAsync();
            await keyboard.PressAsync("Enter");

            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Apply 1 change(s)" }));
            await keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Applied keyboard.xlsx: 1 recommendation(s) changed");
        });

        var comments = await app.QueryAsync(db => db.Comments.Where(c => c.Recommendation.Report.Symbol == DemoAccounts.CybersecurityReport).Select(c => c.Text).ToListAsync());
        Assert.Contains(comment, comments);
    }

    [Fact]
    public async Task Coordinator_OpensAFollowUpRound_WithTheKeyboardAlone()
    {
        const string name = "Council 2027";
        const string message = "Typed without a mouse.";
        // A day whose day and month are one number types alike whichever the date field puts first: Chromium lays the
        // field out in its own language (month first here), not in the page's locale.
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        while (due.Day != due.Month)
        {
            due = due.AddDays(1);
        }

        string[] toggled = [DemoAccounts.OtherReport, DemoAccounts.BlockchainReport];
        var chosen = new SortedSet<string>(StringComparer.Ordinal);
        await using var session = await app.SignedInAsync(DemoAccounts.Coordinator);
        var page = session.Page;
        var keyboard = page.Keyboard;

        await Journey.RunAsync(page, nameof(Coordinator_OpensAFollowUpRound_WithTheKeyboardAlone), async () =>
        {
            await page.GotoAsync("");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Follow-up rounds" }));
            await keyboard.PressAsync("Enter");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Open a round" }));
            await keyboard.PressAsync("Enter");

            await TabToAsync(page, page.GetByLabel("Name"));
            await keyboard.TypeAsync(name);
            // Typing moves on from day to month to year by itself.
            await keyboard.PressAsync("Tab");
            await Expect(page.GetByLabel("Due date")).ToBeFocusedAsync();
            await keyboard.TypeAsync(due.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.GetByLabel("Due date")).ToHaveValueAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await TabToAsync(page, page.GetByLabel("Message to the focal points"));
            await keyboard.TypeAsync(message);

            // Space turns a report's box over, whichever way the default scope ticked it.
            chosen.UnionWith(await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('input[name=ReportIds]:checked')].map(box => box.labels[0].textContent.split(' — ')[0])"));
            foreach (var symbol in toggled)
            {
                var box = page.GetByLabel(new Regex($"^{Regex.Escape(symbol)} "));
                var wasTicked = await box.IsCheckedAsync();
                await TabToAsync(page, box);
                await keyboard.PressAsync(" ");
                await Expect(box).ToBeCheckedAsync(new() { Checked = !wasTicked });
                if (!chosen.Remove(symbol))
                {
                    chosen.Add(symbol);
                }
            }

            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Open the round and e-mail the focal points" }));
            await keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The round \"{name}\" is open");
        });

        var round = await app.QueryAsync(db => db.FollowUpRounds.Where(r => r.Name == name)
            .Select(r => new { r.DueDate, r.Message, r.OpenedBy, Reports = r.Reports.Select(x => x.Symbol).ToList() }).SingleAsync());
        Assert.Equal((due, message, DemoAccounts.Coordinator), (round.DueDate, round.Message, round.OpenedBy));
        Assert.Contains(DemoAccounts.EnvironmentReport, chosen);
        Assert.Equal(chosen, round.Reports.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Coordinator_AcceptsAClaimWithoutEvidence_WithTheKeyboardAlone()
    {
        // A report whose statuses no other test of this class changes; no file is attached, so accepting needs the justification.
        var target = (await app.OfReportAsync(DemoAccounts.BlockchainReport)).First(Claims.ClaimableNow);
        await app.ClaimAsync(target.Id, DemoAccounts.MartinAdolph);
        const string justification = "Confirmed with the programme office: the plan was published in May.";
        await using var session = await app.SignedInAsync(DemoAccounts.Coordinator);
        var page = session.Page;
        var keyboard = page.Keyboard;

        await Journey.RunAsync(page, nameof(Coordinator_AcceptsAClaimWithoutEvidence_WithTheKeyboardAlone), async () =>
        {
            await page.GotoAsync("");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Validation", Exact = true }));
            await keyboard.PressAsync("Enter");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Decide on {DemoAccounts.BlockchainReport} recommendation {target.Number}" }));
            await keyboard.PressAsync("Enter");

            await TabToAsync(page, page.GetByLabel("Justification"));
            await keyboard.TypeAsync(justification);
            await keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept: record as Implemented" })).ToBeFocusedAsync();
            await keyboard.PressAsync("Enter");

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The implementation was validated: it now counts as Implemented.");
            await Expect(page.Locator($"#claim-{target.Id}")).ToHaveCountAsync(0);
        });

        Assert.Equal(ImplementationStatus.Implemented, (await app.StoredAsync(target.Id)).Implementation);
        var validated = await app.QueryAsync(db => db.History.Where(h => h.RecommendationId == target.Id && h.Field == HistoryField.ClosureValidated).Select(h => new { h.NewValue, h.ChangedBy }).SingleAsync());
        Assert.Equal(DemoAccounts.Coordinator, validated.ChangedBy);
        Assert.EndsWith(justification, validated.NewValue, StringComparison.Ordinal);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user does; fails if it never gets it.</summary>
    [Fact]
    public async Task Management_ChangesTheTrendToYears_WithTheKeyboardAlone()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.Management);
        var page = session.Page;
        var keyboard = page.Keyboard;

        await Journey.RunAsync(page, nameof(Management_ChangesTheTrendToYears_WithTheKeyboardAlone), async () =>
        {
            await page.GotoAsync("Dashboard");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Over time: trends, reports of each year, ageing, rounds" }));
            await keyboard.PressAsync("Enter");
            await TabToAsync(page, page.GetByLabel("Trend from year", new() { Exact = true }));
            await keyboard.TypeAsync("2021");
            // A select takes the option whose name is typed.
            await TabToAsync(page, page.GetByLabel("At the end of each", new() { Exact = true }));
            await keyboard.TypeAsync("Year");
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Apply" }));
            await keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url.Contains("interval=year", StringComparison.Ordinal));
        });

        Assert.Contains("trendFrom=2021", page.Url, StringComparison.Ordinal);
        var thisYear = DateTime.UtcNow.Year;
        string[] years = [.. Enumerable.Range(2021, thisYear - 2021).Select(y => $"{y}"), $"{thisYear} (to date)"];
        Assert.Equal(years, await page.Locator("#trend tbody th").AllTextContentsAsync());
    }

    internal static async Task TabToAsync(IPage page, ILocator target)
    {
        await target.WaitForAsync();
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target} on {page.Url}.");
    }
}
