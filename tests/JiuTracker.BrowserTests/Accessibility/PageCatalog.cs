using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Export;
using JiuTracker.Web.Import;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace JiuTracker.BrowserTests.Accessibility;

/// <summary>Who looks at the pages: nobody signed in, or a demo account of each role.</summary>
public enum Visitor
{
    Anonymous,
    Administrator,
    Coordinator,
    FocalPoint,
    Management,
    Auditor,
}

/// <summary>
/// One state of one Razor page, as a visitor reaches it: the address to open (with the ids of demo data), the status
/// the visitor gets, and an optional step that brings the page into a further state (a preview, an error message).
/// </summary>
public sealed record PageVisit(string Page, string Name, Func<CatalogIds, string> Url, IReadOnlyList<Visitor> Visitors)
{
    public int Status { get; init; } = 200;

    public Func<IPage, Task>? Then { get; init; }

    /// <summary>The content type of a page that answers a file to download rather than HTML: checked as an attachment, not by axe.</summary>
    public string? Download { get; init; }

    public override string ToString() => Name;
}

/// <summary>Ids of the demo data the catalog's addresses need.</summary>
/// <param name="SecondRecommendation">Saved by one visit while others read the first: visits run side by side.</param>
/// <param name="Rounds">A closed and an open follow-up round, made the first time the catalog is loaded.</param>
/// <param name="Claims">Claimed implementations, two awaiting a decision and one returned to the focal point, made before the rounds open.</param>
/// <param name="Evidence">A PDF attached to <paramref name="Recommendation"/> the first time the catalog is loaded, before the rounds open.</param>
/// <param name="LockedAccount">An account locked after failed sign-ins (<see cref="LockedAccounts"/>), locked each time the catalog is loaded.</param>
public sealed record CatalogIds(int Report, int Recommendation, int SecondRecommendation, int OtherReportsRecommendation, int FocalPoint, string Account, Rounds.Sample Rounds, Claims.Sample Claims, int Evidence = 0, string LockedAccount = "")
{
    public static async Task<CatalogIds> LoadAsync(BrowserApp app)
    {
        // The sample file first: attached after the rounds opened, it would count as an answer to the open round.
        var recommendation = await app.QueryAsync(db => db.Recommendations.Where(r => r.Report.Symbol == DemoAccounts.CybersecurityReport).OrderBy(r => r.Number).Select(r => r.Id).FirstAsync());
        var evidence = await app.QueryAsync(db => EvidenceFiles.SampleAsync(db, recommendation));
        // So are the claims; those awaiting a decision are left out of the rounds, and the returned one is asked about.
        var claims = await app.SampleClaimsAsync();
        var rounds = await app.SampleAsync();
        var ids = await app.QueryAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Symbol == DemoAccounts.CybersecurityReport);
            var recommendations = await db.Recommendations.Where(r => r.ReportId == report.Id).OrderBy(r => r.Number).Take(2).ToListAsync();
            var other = await db.Recommendations.Where(r => r.Report.Symbol == DemoAccounts.OtherReport).OrderBy(r => r.Number).FirstAsync();
            var account = await db.Users.SingleAsync(u => u.Email == DemoAccounts.AndersNorsker);
            var focalPoint = await db.FocalPoints.SingleAsync(f => f.UserId == account.Id);
            return new CatalogIds(report.Id, recommendations[0].Id, recommendations[1].Id, other.Id, focalPoint.Id, account.Id, rounds, claims);
        });
        return ids with { Evidence = evidence, LockedAccount = await app.LockedAccountAsync() };
    }
}

/// <summary>Every Razor page of the app, in every state worth checking, with the visitors who can reach it.</summary>
public static class PageCatalog
{
    private static readonly Visitor[] SignedIn = [Visitor.Administrator, Visitor.Coordinator, Visitor.FocalPoint, Visitor.Management, Visitor.Auditor];
    private static readonly Visitor[] Editors = [Visitor.Administrator, Visitor.FocalPoint];
    private static readonly Visitor[] Administrators = [Visitor.Administrator];
    private static readonly Visitor[] FollowUpRunners = [Visitor.Administrator, Visitor.Coordinator];

    // The demo data's own document: its preview lists every report as already registered.
    private static readonly Lazy<string> SeedText = new(() =>
    {
        using var reader = SeedDocument.Open();
        return reader.ReadToEnd();
    });

    public static string EmailOf(Visitor visitor) => visitor switch
    {
        Visitor.Administrator => DemoAccounts.Admin,
        Visitor.Coordinator => DemoAccounts.Coordinator,
        Visitor.FocalPoint => DemoAccounts.AndersNorsker,
        Visitor.Management => DemoAccounts.Management,
        Visitor.Auditor => DemoAccounts.Auditor,
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), visitor, "Nobody signs in as the anonymous visitor."),
    };

    public static IReadOnlyList<PageVisit> Visits { get; } =
    [
        new("/Account/Login", "sign-in", _ => "Account/Login", [Visitor.Anonymous]),
        new("/Account/Login", "sign-in refused", _ => "Account/Login", [Visitor.Anonymous])
        {
            Then = async page =>
            {
                await page.GetByLabel("E-mail").FillAsync("nobody@jiutracker.local");
                await page.GetByLabel("Password").FillAsync("not the password");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await page.Locator(".validation-summary-errors").WaitForAsync();
            },
        },
        new("/Account/Logout", "sign-out", _ => "Account/Logout", SignedIn),
        new("/Account/Index", "your account", _ => "Account", [Visitor.Administrator, Visitor.Management, Visitor.Auditor]),
        new("/Account/Index", "your account with what you will be sent", _ => "Account", [Visitor.Coordinator, Visitor.FocalPoint])
        {
            // The focal point is asked about the open round's recommendations; the coordinator opened it and gets its summary.
            Then = page => page.GetByRole(AriaRole.Region, new() { Name = Rounds.OpenRoundName }).Locator("li").First.WaitForAsync(),
        },
        new("/Account/Tokens", "API tokens", _ => "Account/Tokens", SignedIn),
        new("/Api/Index", "the API reference, its operations rendered", _ => "Api", SignedIn)
        {
            Then = page => page.Locator(".opblock-summary-path").Nth(5).WaitForAsync(),
        },
        new("/Account/Tokens", "an API token just created, shown once", _ => "Account/Tokens", [Visitor.FocalPoint])
        {
            Then = async page =>
            {
                await page.GetByLabel("Name").FillAsync("Catalog script");
                await page.GetByRole(AriaRole.Button, new() { Name = "Create the token" }).ClickAsync();
                await page.Locator("#token-text").WaitForAsync();
            },
        },
        new("/Language", "language choice", _ => "Language", [Visitor.Anonymous, .. SignedIn]),
        new("/Language", "language choice in Arabic, right to left", _ => "Language?culture=ar", [Visitor.Anonymous, Visitor.FocalPoint]),
        new("/Language", "language refused", _ => "Language", [Visitor.Anonymous])
        {
            Then = async page =>
            {
                // A language the app does not have, as a hand-made form would send it.
                await page.Locator("main button[value=fr]").EvaluateAsync("button => button.value = 'de'");
                await page.Locator("main button[value=de]").ClickAsync();
                await page.Locator(".validation-summary-errors").WaitForAsync();
            },
        },
        new("/Account/Login", "sign-in in Arabic, right to left", _ => "Account/Login?culture=ar", [Visitor.Anonymous]),
        new("/Reports/Index", "reports in Arabic, right to left", _ => "Reports?culture=ar", SignedIn),
        new("/Dashboard/Index", "dashboard in French", _ => "Dashboard?culture=fr", [Visitor.Management]),
        new("/Index", "home (my reports or the reports)", _ => "", SignedIn),
        new("/Reports/Index", "reports", _ => "Reports", SignedIn),
        new("/Reports/Details", "report matrix", ids => $"Reports/Details/{ids.Report}", SignedIn),
        new("/Reports/Details", "report matrix with claimed implementations", ids => $"Reports/Details/{ids.Claims.Report}", SignedIn)
        {
            Then = page => page.Locator(".claim-mark").First.WaitForAsync(),
        },
        new("/Reports/Details", "report matrix as of a day", ids => $"Reports/Details/{ids.Report}?asOf={DateTime.UtcNow:yyyy-MM-dd}", SignedIn),
        new("/Recommendations/History", "history", ids => $"Recommendations/History/{ids.Recommendation}", SignedIn),
        new("/Recommendations/Evidence", "evidence", ids => $"Recommendations/Evidence/{ids.Recommendation}", SignedIn),
        new("/Recommendations/Evidence", "evidence with a file refused", ids => $"Recommendations/Evidence/{ids.Recommendation}", Editors)
        {
            Then = async page =>
            {
                await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "policy.pdf", MimeType = "application/pdf", Buffer = EvidenceFiles.Executable });
                await page.GetByLabel("Description").FillAsync("The policy adopted");
                await page.GetByRole(AriaRole.Button, new() { Name = "Attach" }).ClickAsync();
                await page.Locator(".validation-summary-errors").WaitForAsync();
            },
        },
        new("/Recommendations/EvidenceFile", "an evidence file", ids => $"Recommendations/EvidenceFile/{ids.Evidence}", SignedIn)
        {
            Download = "application/pdf",
        },
        new("/Reports/Update", "report matrix in editing", ids => $"Reports/Update/{ids.Report}", Editors),
        new("/Reports/Update", "report matrix in editing with a row breaking a rule", ids => $"Reports/Update/{ids.Report}", Editors)
        {
            Then = async page =>
            {
                await page.GetByLabel("Acceptance of recommendation 1").SelectOptionAsync("NotAccepted");
                await page.GetByLabel("Implementation status of recommendation 1").SelectOptionAsync("Implemented");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save all changes" }).ClickAsync();
                await page.Locator("#error-1").WaitForAsync();
            },
        },
        new("/Reports/Update", "report matrix in editing with a stale row", ids => $"Reports/Update/{ids.Report}", Editors)
        {
            // The row's form is made to carry an older version than the stored one, as when someone saved it meanwhile,
            // without saving anything: other visits read and save these recommendations at the same time.
            Then = async page =>
            {
                await page.Locator("input[name='Rows[0].Version']").EvaluateAsync("input => input.value = String(Number(input.value) - 1)");
                await page.GetByLabel("New comment on recommendation 1").FillAsync("Written on a form someone else overtook.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save all changes" }).ClickAsync();
                await page.Locator("#conflict-1").WaitForAsync();
            },
        },
        new("/Reports/Mine", "my reports", _ => "Reports/Mine", [Visitor.Administrator, Visitor.Coordinator, Visitor.Management, Visitor.Auditor]),
        new("/Reports/Mine", "my reports with a claim the coordinator returned", _ => "Reports/Mine", [Visitor.FocalPoint])
        {
            Then = page => page.Locator("#returned-claims li").First.WaitForAsync(),
        },
        new("/Updates/Upload", "update workbook upload", _ => "Updates/Upload", Editors),
        new("/Updates/Upload", "update workbook preview", _ => "Updates/Upload", Editors)
        {
            // Previewing saves no recommendation: other visits read and save them at the same time.
            Then = async page =>
            {
                var download = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), $"/export/update-workbook.xlsx?report={DemoAccounts.CybersecurityReport}").ToString());
                var workbook = new UpdateWorkbookEditor(await download.BodyAsync())
                    .Set(DemoAccounts.CybersecurityReport, 1, UpdateSheet.NewComment, "Previewed for the accessibility scan.")
                    .Set(DemoAccounts.CybersecurityReport, 2, UpdateSheet.Acceptance, "Acepted");
                await page.GetByLabel("Update workbook (.xlsx)").SetInputFilesAsync(new FilePayload
                {
                    Name = "update.xlsx",
                    MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    Buffer = workbook.Bytes,
                });
                await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
                await page.Locator("#refused").WaitForAsync();
            },
        },
        new("/Recommendations/Edit", "report matrix after a single save", ids => $"Recommendations/Edit/{ids.SecondRecommendation}", Editors)
        {
            Then = async page =>
            {
                await page.GetByLabel("New comment").FillAsync("Checked for the accessibility scan.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await page.Locator("#saved-status").WaitForAsync();
            },
        },
        new("/Recommendations/Edit", "edit form", ids => $"Recommendations/Edit/{ids.Recommendation}", Editors),
        new("/Recommendations/Edit", "edit form refusing an empty save", ids => $"Recommendations/Edit/{ids.Recommendation}", Editors)
        {
            Then = async page =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
                await page.Locator(".validation-summary-errors").WaitForAsync();
            },
        },
        new("/Rounds/Index", "follow-up rounds", _ => "Rounds", SignedIn),
        new("/Rounds/Open", "open a round", _ => "Rounds/Open", FollowUpRunners),
        new("/Rounds/Open", "open a round refusing a round without a name or reports", _ => "Rounds/Open", FollowUpRunners)
        {
            // Refused, so nothing is opened: the other visits see the sample rounds only.
            Then = async page =>
            {
                await page.GetByLabel("Name").FillAsync("");
                foreach (var report in await page.GetByRole(AriaRole.Group, new() { Name = "Reports in scope" }).GetByRole(AriaRole.Checkbox).AllAsync())
                {
                    await report.UncheckAsync();
                }

                await page.GetByRole(AriaRole.Button, new() { Name = "Open the round and e-mail the focal points" }).ClickAsync();
                await page.Locator(".validation-summary-errors").WaitForAsync();
            },
        },
        new("/Rounds/Progress", "progress of an open round", ids => $"Rounds/Progress/{ids.Rounds.Open}", SignedIn),
        new("/Rounds/Progress", "progress of a closed round, its figures and frozen files", ids => $"Rounds/Progress/{ids.Rounds.Closed}", SignedIn)
        {
            Then = page => page.GetByRole(AriaRole.Heading, new() { Name = "What was submitted" }).WaitForAsync(),
        },
        new("/Rounds/Close", "close a round", ids => $"Rounds/Close/{ids.Rounds.Open}", FollowUpRunners),
        new("/Rounds/Close", "a round already closed", ids => $"Rounds/Close/{ids.Rounds.Closed}", FollowUpRunners),
        new("/Rounds/Remind", "remind a focal point", ids => $"Rounds/Remind/{ids.Rounds.Open}", FollowUpRunners),
        new("/Rounds/Document", "a frozen document", ids => $"Rounds/Document/{ids.Rounds.Document}", SignedIn)
        {
            Download = ExportFiles.DocumentContentType,
        },
        new("/Validation/Index", "validation queue", _ => "Validation", FollowUpRunners)
        {
            Then = page => page.Locator("#queue tbody tr").First.WaitForAsync(),
        },
        new("/Validation/Decide", "a claim with evidence to decide", ids => $"Validation/Decide/{ids.Claims.WithEvidence}", FollowUpRunners)
        {
            Then = page => page.Locator("#evidence li").First.WaitForAsync(),
        },
        new("/Validation/Decide", "a claim without evidence to decide", ids => $"Validation/Decide/{ids.Claims.WithoutEvidence}", FollowUpRunners)
        {
            Then = page => page.Locator("#no-evidence").WaitForAsync(),
        },
        new("/Validation/Decide", "a claim returned without a reason, refused", ids => $"Validation/Decide/{ids.Claims.WithEvidence}", FollowUpRunners)
        {
            // Refused, so the claim stays for the other visits.
            Then = async page =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Return to the focal point" }).ClickAsync();
                await page.Locator("#reason-error.field-validation-error").WaitForAsync();
            },
        },
        new("/Dashboard/Index", "dashboard", _ => "Dashboard", SignedIn),
        new("/Dashboard/Recommendations", "drill-down", _ => "Dashboard/Recommendations?figure=Accepted", SignedIn),
        new("/Dashboard/Attention", "needs attention", _ => "Dashboard/Attention", SignedIn),
        new("/Dashboard/Trends", "over time", _ => "Dashboard/Trends", SignedIn),
        new("/Dashboard/Breakdown", "a whole breakdown", _ => "Dashboard/Breakdown?by=focal-point", SignedIn),
        new("/Dashboard/Breakdown", "an unknown breakdown", _ => "Dashboard/Breakdown?by=nothing", [Visitor.Auditor]),
        new("/Exports/Index", "exports", _ => "Exports", SignedIn),
        new("/Audit/Index", "audit log", _ => "Audit", [Visitor.Administrator, Visitor.Auditor]),
        new("/StatusCode", "not found", _ => "no-such-page", SignedIn) { Status = 404 },
        new("/StatusCode", "not allowed", ids => $"Recommendations/Edit/{ids.OtherReportsRecommendation}", [Visitor.Coordinator, Visitor.FocalPoint, Visitor.Management, Visitor.Auditor]) { Status = 403 },
        new("/Error", "error", _ => "Error", SignedIn),
        new("/Admin/Index", "administration", _ => "Admin", Administrators),
        new("/Admin/Import", "import", _ => "Admin/Import", Administrators),
        new("/Admin/Import", "import preview", _ => "Admin/Import", Administrators)
        {
            Then = page => UploadAsync(page, SeedDocument.FileName, SeedText.Value, "#preview"),
        },
        // A report new to the app: the preview offers the import form with its "Statuses as of" field.
        new("/Admin/Import", "import preview of a new report", _ => "Admin/Import", Administrators)
        {
            Then = page => UploadAsync(page, SeedDocument.FileName, SeedText.Value.Replace("JIU/REP/2021/3", "JIU/REP/2019/93", StringComparison.Ordinal), "#import"),
        },
        new("/Admin/Import", "import refused", _ => "Admin/Import", Administrators)
        {
            Then = page => UploadAsync(page, "notes.txt", "Not an \"Action required\" document.\n", "#errors"),
        },
        new("/Admin/Outbox/Index", "outgoing mail", _ => "Admin/Outbox", Administrators),
        new("/Admin/Outbox/Index", "one outgoing e-mail", ids => $"Admin/Outbox?id={ids.Rounds.Message}", Administrators),
        new("/Admin/Accounts/Index", "accounts, one of them locked after failed sign-ins", _ => "Admin/Accounts", Administrators)
        {
            Then = page => page.GetByRole(AriaRole.Cell, new() { Name = "Locked after failed sign-ins" }).WaitForAsync(),
        },
        new("/Admin/Accounts/Create", "create an account", _ => "Admin/Accounts/Create", Administrators),
        new("/Admin/Accounts/Edit", "an account", ids => $"Admin/Accounts/Edit/{ids.Account}", Administrators),
        new("/Admin/Accounts/Tokens", "an account's API tokens", ids => $"Admin/Accounts/Tokens/{ids.Account}", Administrators),
        new("/Admin/Accounts/Edit", "an account locked after failed sign-ins", ids => $"Admin/Accounts/Edit/{ids.LockedAccount}", Administrators)
        {
            Then = page => page.GetByRole(AriaRole.Button, new() { Name = "Unlock the account" }).WaitForAsync(),
        },
        new("/Admin/FocalPoints/Index", "focal points", _ => "Admin/FocalPoints", Administrators),
        new("/Admin/FocalPoints/Create", "register a focal point", _ => "Admin/FocalPoints/Create", Administrators),
        new("/Admin/FocalPoints/Edit", "a focal point", ids => $"Admin/FocalPoints/Edit/{ids.FocalPoint}", Administrators),
        new("/Admin/Reports/Index", "reports (administration)", _ => "Admin/Reports", Administrators),
        new("/Admin/Reports/Create", "register a report", _ => "Admin/Reports/Create", Administrators),
        new("/Admin/Reports/Edit", "a report (administration)", ids => $"Admin/Reports/Edit/{ids.Report}", Administrators),
        new("/Admin/Recommendations/Add", "add a recommendation", ids => $"Admin/Recommendations/Add/{ids.Report}", Administrators),
        new("/Admin/Recommendations/Edit", "revise a recommendation", ids => $"Admin/Recommendations/Edit/{ids.Recommendation}", Administrators),
        new("/Admin/Recommendations/Paste", "paste recommendations", ids => $"Admin/Recommendations/Paste/{ids.Report}", Administrators),
        new("/Admin/Recommendations/Paste", "paste preview", ids => $"Admin/Recommendations/Paste/{ids.Report}", Administrators)
        {
            Then = async page =>
            {
                await page.GetByLabel("Recommendations block").FillAsync(
                    "Some words before the first recommendation.\n" +
                    "Recommendation 4: The executive heads should, by the end of 2026, publish their plans.\n" +
                    "Recommendation 5 Someone should do something.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
                await page.Locator("#paste-rows").WaitForAsync();
            },
        },
    ];

    private static async Task UploadAsync(IPage page, string name, string text, string shown)
    {
        await page.GetByLabel("Document (.txt)").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes(text),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.Locator(shown).WaitForAsync();
    }
}
