using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using JiuTracker.BrowserTests.Accessibility;
using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>
/// A follow-up round from end to end, with the e-mail going through a real SMTP server: the coordinator opens it, a
/// focal point follows the link in their e-mail and updates, the progress page shows it, and the closed round's frozen
/// Word document downloads with the SHA-256 the page shows.
/// </summary>
public sealed class FollowUpRoundJourneyTests(MailingBrowserApp mailing) : IClassFixture<MailingBrowserApp>
{
    private const string RoundName = "Council 2027";
    private const string Message = "Please bring your recommendations up to date before the Council's session.";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private BrowserApp App => mailing.App;

    [Fact]
    public async Task Coordinator_OpensARound_FocalPointFollowsTheEmailAndUpdates_CoordinatorClosesItAndDownloadsTheFrozenDocument()
    {
        var rows = await App.QueryAsync(db => db.Recommendations.AsNoTracking()
            .Where(r => r.Report.Symbol == DemoAccounts.EnvironmentReport && r.WithdrawnAt == null)
            .OrderBy(r => r.Number).Select(r => new { r.Number, r.Acceptance }).ToListAsync());
        await using var coordinator = await App.SignedInAsync(DemoAccounts.Coordinator);
        await using var robin = await App.NewSessionAsync();
        var page = coordinator.Page;
        string? shownSha256 = null;
        byte[]? frozen = null;
        string? frozenName = null;

        await Journey.RunAsync([page, robin.Page], nameof(Coordinator_OpensARound_FocalPointFollowsTheEmailAndUpdates_CoordinatorClosesItAndDownloadsTheFrozenDocument), async () =>
        {
            // The coordinator opens the round from the menu, over the reports ticked by default.
            await page.GotoAsync("");
            await page.GetByRole(AriaRole.Link, new() { Name = "Follow-up rounds" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Open a round" }).ClickAsync();
            await page.GetByLabel("Name").FillAsync(RoundName);
            await page.GetByLabel("Message to the focal points").FillAsync(Message);
            await Expect(page.GetByLabel(new Regex($"^{Regex.Escape(DemoAccounts.EnvironmentReport)} "))).ToBeCheckedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Open the round and e-mail the focal points" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/Rounds/Progress/\d+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(RoundName);
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The round \"{RoundName}\" is open");
            var environment = ProgressRow(page);
            await Expect(environment).ToContainTextAsync("No — ");
            await Expect(environment.GetByRole(AriaRole.Button, new() { Name = "Remind Robin Zuercher now" })).ToBeVisibleAsync();
            await AssertNoAxeViolationsAsync(page, "the progress of an open round");

            // The request reaches Robin Zuercher's mailbox through the SMTP server, addressed to nobody else.
            var email = await MessageToAsync(DemoAccounts.RobinZuercher);
            Assert.Equal([DemoAccounts.RobinZuercher], email.To.Mailboxes.Select(m => m.Address).Concat(email.Cc.Mailboxes.Select(m => m.Address)).Concat(email.Bcc.Mailboxes.Select(m => m.Address)));
            Assert.Equal(MailingBrowserApp.Sender, email.From.Mailboxes.Single().Address);
            Assert.Contains(RoundName, email.Subject, StringComparison.Ordinal);
            Assert.Contains(DemoAccounts.EnvironmentReport, email.TextBody, StringComparison.Ordinal);
            Assert.Contains(Message, email.TextBody, StringComparison.Ordinal);

            // Robin opens the e-mail and follows its link to the report: signs in first, then lands on its editing.
            var html = email.HtmlBody;
            Assert.NotNull(html);
            await robin.Page.SetContentAsync(html);
            var link = robin.Page.GetByRole(AriaRole.Link, new() { Name = $"update {DemoAccounts.EnvironmentReport}" });
            var href = await link.GetAttributeAsync("href");
            Assert.StartsWith(App.BaseAddress.ToString(), href, StringComparison.Ordinal);
            await link.ClickAsync();
            await Expect(robin.Page).ToHaveURLAsync(new Regex("/Account/Login"));
            await robin.Page.GetByLabel("E-mail").FillAsync(DemoAccounts.RobinZuercher);
            await robin.Page.GetByLabel("Password").FillAsync(DemoData.Password);
            await robin.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(robin.Page).ToHaveURLAsync(href!);
            await Expect(robin.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Update the recommendations of {DemoAccounts.EnvironmentReport}");

            // Every recommendation gets the round's comment; the two imported without a decision are accepted and started.
            foreach (var row in rows)
            {
                if (row.Acceptance is null)
                {
                    await robin.Page.GetByLabel($"Acceptance of recommendation {row.Number}", new() { Exact = true }).SelectOptionAsync("Accepted");
                    await robin.Page.GetByLabel($"Implementation status of recommendation {row.Number}", new() { Exact = true }).SelectOptionAsync("InProgress");
                }

                await robin.Page.GetByLabel($"New comment on recommendation {row.Number}", new() { Exact = true }).FillAsync(CommentFor(row.Number));
            }

            await robin.Page.GetByRole(AriaRole.Button, new() { Name = "Save all changes" }).ClickAsync();
            await Expect(robin.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{rows.Count} recommendation(s) saved.");

            // The coordinator's progress page shows the report answered: every recommendation asked about, updated.
            await page.ReloadAsync();
            environment = ProgressRow(page);
            var cells = environment.GetByRole(AriaRole.Cell);
            await Expect(cells.Nth(4)).ToHaveTextAsync("Yes");
            Assert.Equal(await cells.Nth(2).InnerTextAsync(), await cells.Nth(3).InnerTextAsync());
            Assert.NotEqual("0", await cells.Nth(2).InnerTextAsync());
            await Expect(environment.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

            // The coordinator closes the round; its figures and the frozen files appear on its page.
            await page.GetByRole(AriaRole.Link, new() { Name = "Close the round" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Close {RoundName}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Close the round and freeze its documents" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Rounds/Progress/\d+$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The round is closed. Its document and workbook are frozen below.");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "At the closing" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Close the round" })).ToHaveCountAsync(0);
            await AssertNoAxeViolationsAsync(page, "the progress of a closed round");

            var files = page.GetByRole(AriaRole.Table, new() { Name = "Files frozen at the closing" });
            var word = files.GetByRole(AriaRole.Row).Filter(new() { HasText = ".docx" });
            await Expect(word).ToHaveCountAsync(1);
            shownSha256 = (await word.Locator("code").InnerTextAsync()).Trim();
            var download = await page.RunAndWaitForDownloadAsync(() => word.GetByRole(AriaRole.Link).ClickAsync());
            frozenName = download.SuggestedFilename;
            var path = Path.Combine(Journey.ArtifactsDirectory, "downloads", $"{nameof(FollowUpRoundJourneyTests)}-{frozenName}");
            await download.SaveAsAsync(path);
            frozen = await File.ReadAllBytesAsync(path);
        });

        Assert.Equal(1, mailing.Smtp.Received.Count(m => m.To.Mailboxes.Any(b => b.Address == DemoAccounts.RobinZuercher)));
        Assert.Matches(@"^action-required-round-\d+-\d{4}-\d{2}-\d{2}\.docx$", frozenName);
        Assert.Matches("^[0-9a-f]{64}$", shownSha256);
        Assert.Equal(shownSha256, Convert.ToHexStringLower(SHA256.HashData(frozen!)));
        // It is the Word document as submitted: Robin's update is in it.
        using var document = WordprocessingDocument.Open(new MemoryStream(frozen!), isEditable: false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(DemoAccounts.EnvironmentReport, text, StringComparison.Ordinal);
        Assert.Contains(CommentFor(rows[0].Number), text, StringComparison.Ordinal);
    }

    /// <summary>The progress table's row of Robin Zuercher's report.</summary>
    private static ILocator ProgressRow(IPage page) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Progress per report and focal point" }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.EnvironmentReport, Exact = true }) });

    /// <summary>Waits until the SMTP server has received a message to <paramref name="address"/> and answers it.</summary>
    private async Task<MimeMessage> MessageToAsync(string address)
    {
        var deadline = DateTime.UtcNow + MailTimeout;
        for (var count = 1; ; count++)
        {
            var received = await mailing.Smtp.WaitForAsync(count, Max(deadline - DateTime.UtcNow, TimeSpan.Zero));
            if (received.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)) is { } message)
            {
                return message;
            }

            count = received.Count;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task AssertNoAxeViolationsAsync(IPage page, string state)
    {
        var result = await Axe.RunAsync(page, Axe.Wcag21AA);
        Assert.True(result.Violations.Length == 0, $"axe on {state}: " + string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    private static string CommentFor(int number) => $"{RoundName}: recommendation {number} reviewed with the environment unit.";
}
