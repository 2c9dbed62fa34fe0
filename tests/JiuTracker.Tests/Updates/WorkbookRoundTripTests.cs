using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Updates;

/// <summary>
/// The update workbook's round trip over HTTP: downloaded, filled in with the Open XML SDK, uploaded, previewed row by
/// row, then applied once, with the file and its SHA-256 in the history.
/// </summary>
public class WorkbookRoundTripTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private const string Environment = DemoAccounts.EnvironmentReport;
    private const string Cybersecurity = DemoAccounts.CybersecurityReport;

    private Task<Recommendation> RecommendationAsync(string symbol, int number) =>
        app.QueryAsync(db => db.Recommendations.Include(r => r.Comments).SingleAsync(r => r.Report.Symbol == symbol && r.Number == number));

    private Task<int> HistoryCountAsync() => app.QueryAsync(db => db.History.CountAsync());

    [Fact]
    public async Task Download_AsFocalPoint_HoldsTheRowsOfTheirReportsOnly_OnASheetNamedUpdate()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var workbook = await DownloadedWorkbook.DownloadAsync(client);

        using (var document = SpreadsheetDocument.Open(new MemoryStream(workbook.Bytes), false))
        {
            Assert.Equal(UpdateSheet.Name, document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First().Name);
        }

        var symbols = workbook.Column(UpdateSheet.Report);
        Assert.Equal([Environment], symbols.Distinct());
        var inForce = await app.QueryAsync(db => db.Recommendations.CountAsync(r => r.Report.Symbol == Environment && r.WithdrawnAt == null));
        Assert.Equal(inForce, symbols.Count);
    }

    [Fact]
    public async Task Download_AsFocalPoint_OfAnotherReport_IsRefusedWithTheReason()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var response = await client.GetAsync($"/export/update-workbook.xlsx?report={Cybersecurity}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"{Cybersecurity} is not one of them", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PreviewsEveryChange_AndSavesNothing_ThenApply_RecordsThemWithTheFileAndItsSha256()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        // Recommendation 8 was imported without an acceptance.
        var first = await RecommendationAsync(Environment, 8);
        Assert.Null(first.Acceptance);
        var workbook = (await DownloadedWorkbook.DownloadAsync(client))
            .Set(Environment, 8, UpdateSheet.Acceptance, "  accepted ")
            .Set(Environment, 8, UpdateSheet.Implementation, "in-progress")
            .Set(Environment, 2, UpdateSheet.NewComment, "Collected offline from the unit.");
        var historyBefore = await HistoryCountAsync();

        var preview = await workbook.UploadAsync(client, "environment-update.xlsx");

        var changes = preview.QuerySelector("#change")!.TextContent;
        Assert.Contains($"{Environment} recommendation 8", changes, StringComparison.Ordinal);
        Assert.Contains("Not recorded → Accepted", changes, StringComparison.Ordinal);
        Assert.Contains(first.Implementation is ImplementationStatus.InProgress ? "In progress" : $"{first.Implementation.LabelOrNotRecorded()} → In progress", changes, StringComparison.Ordinal);
        Assert.Contains("Collected offline from the unit.", changes, StringComparison.Ordinal);
        Assert.StartsWith("2 to change", preview.QuerySelector("#preview-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Environment} recommendation 3", preview.QuerySelector("#unchanged")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(historyBefore, await HistoryCountAsync());
        Assert.Equal(first.Version, (await RecommendationAsync(Environment, 8)).Version);

        var applied = await DownloadedWorkbook.ApplyAsync(client, preview);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var after = await RecommendationAsync(Environment, 8);
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.InProgress), (after.Acceptance, after.Implementation));
        Assert.Contains((await RecommendationAsync(Environment, 2)).Comments, c => c.Text == "Collected offline from the unit.");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(workbook.Bytes));
        var changed = await app.QueryAsync(db => db.History.Where(h => h.Id > 0).OrderBy(h => h.Id).Skip(historyBefore).ToListAsync());
        Assert.Equal(first.Implementation is ImplementationStatus.InProgress ? 2 : 3, changed.Count);
        Assert.All(changed, h => Assert.EndsWith($"environment-update.xlsx (SHA-256 {sha256})", h.Source, StringComparison.Ordinal));
        var audit = await app.QueryAsync(db => db.AdminAudit.Where(a => a.Action == AdminAction.WorkbookApplied).OrderBy(a => a.Id).LastAsync());
        Assert.Equal(DemoAccounts.RobinZuercher, audit.By);
        Assert.Contains(sha256, audit.Details, StringComparison.Ordinal);
        // The recommendation's history says where the change came from.
        var history = await client.GetStringAsync($"/Recommendations/History/{first.Id}");
        Assert.Contains($"via workbook upload", history, StringComparison.Ordinal);
        Assert.Contains(sha256, history, StringComparison.Ordinal);
        // The report's page shows the new comment at once.
        var page = await client.GetStringAsync(applied.Headers.Location!.OriginalString);
        Assert.Contains("Collected offline from the unit.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Twice_AppliesOnce()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var preview = await (await DownloadedWorkbook.DownloadAsync(client))
            .Set(Environment, 3, UpdateSheet.NewComment, "Applied once only.")
            .UploadAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await DownloadedWorkbook.ApplyAsync(client, preview)).StatusCode);
        var history = await HistoryCountAsync();

        var again = await DownloadedWorkbook.ApplyAsync(client, preview);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("was already applied", (await again.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(history, await HistoryCountAsync());
        Assert.Single((await RecommendationAsync(Environment, 3)).Comments, c => c.Text == "Applied once only.");
    }

    [Fact]
    public async Task Apply_TwiceAtTheSameMoment_AppliesOnce()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var preview = await (await DownloadedWorkbook.DownloadAsync(client))
            .Set(Environment, 9, UpdateSheet.NewComment, "Confirmed twice at once.")
            .UploadAsync(client);

        var answers = await Task.WhenAll(DownloadedWorkbook.ApplyAsync(client, preview), DownloadedWorkbook.ApplyAsync(client, preview));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single((await RecommendationAsync(Environment, 9)).Comments, c => c.Text == "Confirmed twice at once.");
    }

    [Fact]
    public async Task Upload_OfARowChangedInTheAppSinceTheDownload_ShowsAConflictWithTheStoredValues_AndAppliesTheOtherRows()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var workbook = (await DownloadedWorkbook.DownloadAsync(client))
            .Set(Cybersecurity, 1, UpdateSheet.NewComment, "Mine, from the workbook.")
            .Set(Cybersecurity, 2, UpdateSheet.NewComment, "Also mine.");
        var other = await app.SignedInClientAsync(DemoAccounts.PreetamMaloor);
        var firstId = await app.RecommendationIdAsync(Cybersecurity, 1);
        await other.SubmitFormAsync($"/Recommendations/Edit/{firstId}", new Dictionary<string, string> { ["Input.NewComment"] = "Saved in the app meanwhile." });

        var preview = await workbook.UploadAsync(client);

        var conflicts = preview.QuerySelector("#conflict")!.TextContent;
        Assert.Contains($"{Cybersecurity} recommendation 1", conflicts, StringComparison.Ordinal);
        Assert.Contains("changed in the app after the workbook was downloaded", conflicts, StringComparison.Ordinal);
        Assert.Contains($"{Cybersecurity} recommendation 2", preview.QuerySelector("#change")!.TextContent, StringComparison.Ordinal);

        await DownloadedWorkbook.ApplyAsync(client, preview);

        Assert.DoesNotContain((await RecommendationAsync(Cybersecurity, 1)).Comments, c => c.Text == "Mine, from the workbook.");
        Assert.Contains((await RecommendationAsync(Cybersecurity, 2)).Comments, c => c.Text == "Also mine.");
    }

    [Fact]
    public async Task Upload_WithAnUnknownValue_RefusesTheRowNamingTheCell()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var workbook = (await DownloadedWorkbook.DownloadAsync(client)).Set(Environment, 4, UpdateSheet.Acceptance, "Acepted");
        var cell = $"{UpdateSheet.Name}!{workbook.ColumnLetters(UpdateSheet.Acceptance)}{workbook.RowNumber(Environment, 4)}";

        var preview = await workbook.UploadAsync(client);

        var refused = preview.QuerySelector("#refused")!.TextContent;
        Assert.Contains($"{cell}: \"Acepted\" is not an acceptance value", refused, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form[action*='handler=Apply']"));
    }

    [Fact]
    public async Task Upload_BreakingARule_RefusesTheRowWithTheRule()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var workbook = (await DownloadedWorkbook.DownloadAsync(client))
            .Set(Environment, 5, UpdateSheet.Acceptance, "Not accepted")
            .Set(Environment, 5, UpdateSheet.Implementation, "In progress");

        var row = workbook.RowNumber(Environment, 5);
        var cells = $"{UpdateSheet.Name}!{workbook.ColumnLetters(UpdateSheet.Acceptance)}{row}–{UpdateSheet.Name}!{workbook.ColumnLetters(UpdateSheet.Implementation)}{row}";

        var preview = await workbook.UploadAsync(client);

        Assert.Contains($"{cells}: Implementation can only be recorded on an accepted recommendation", preview.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithAFormula_RefusesTheCellByName()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var workbook = (await DownloadedWorkbook.DownloadAsync(client)).SetFormula(Environment, 6, UpdateSheet.Acceptance, "\"Acc\"&\"epted\"", "Accepted");
        var cell = $"{UpdateSheet.Name}!{workbook.ColumnLetters(UpdateSheet.Acceptance)}{workbook.RowNumber(Environment, 6)}";

        var preview = await workbook.UploadAsync(client);

        Assert.Contains($"{cell} holds a formula", preview.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfRowsOfAReportTheUploaderMayNotEdit_RefusesThoseRows_AndKeepsTheirOwn()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var workbook = (await DownloadedWorkbook.DownloadAsync(admin, $"/export/update-workbook.xlsx?report={Environment}&report={Cybersecurity}"))
            .Set(Environment, 7, UpdateSheet.NewComment, "Robin's own row.")
            .Set(Cybersecurity, 1, UpdateSheet.NewComment, "Not Robin's report.");
        var robin = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var preview = await workbook.UploadAsync(robin);

        Assert.Contains($"you may not change {Cybersecurity}", preview.QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Environment} recommendation 7", preview.QuerySelector("#change")!.TextContent, StringComparison.Ordinal);
        await DownloadedWorkbook.ApplyAsync(robin, preview);
        Assert.DoesNotContain((await RecommendationAsync(Cybersecurity, 1)).Comments, c => c.Text == "Not Robin's report.");
        Assert.Contains((await RecommendationAsync(Environment, 7)).Comments, c => c.Text == "Robin's own row.");
    }

    [Fact]
    public async Task Upload_OfAFileThatIsNoWorkbook_IsRefusedWithTheReason_AndNothingIsStored()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var uploads = await app.QueryAsync(db => db.WorkbookUploads.CountAsync());

        var response = await DownloadedWorkbook.PostAsync(client, "Report,Recommendation\nJIU/REP/2020/8,1\n"u8.ToArray(), "update.xlsx");

        var page = await response.ReadDocumentAsync();
        Assert.Contains("is not an Excel workbook", page.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#preview"));
        Assert.Equal(uploads, await app.QueryAsync(db => db.WorkbookUploads.CountAsync()));
    }

    [Fact]
    public async Task Apply_OfSomeoneElsesUpload_ChangesNothing()
    {
        var robin = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var preview = await (await DownloadedWorkbook.DownloadAsync(robin))
            .Set(Environment, 2, UpdateSheet.NewComment, "Robin's upload.")
            .UploadAsync(robin);
        var uploadId = preview.QuerySelector("input[name=UploadId]")!.GetAttribute("value")!;
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var attempt = await admin.PostAsync("/Updates/Upload?handler=Apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UploadId"] = uploadId,
            ["__RequestVerificationToken"] = await admin.AntiforgeryTokenAsync("/Updates/Upload"),
        }));

        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("no uploaded workbook waiting", (await attempt.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain((await RecommendationAsync(Environment, 2)).Comments, c => c.Text == "Robin's upload.");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("99999999999999")]
    public async Task Apply_WithAMalformedUploadId_SaysTheFormLostItsWorkbook_AndChangesNothing(string uploadId)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var before = await app.RowCountsAsync();

        var response = await client.PostAsync("/Updates/Upload?handler=Apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UploadId"] = uploadId,
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/Updates/Upload"),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("upload it again", (await response.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }
}
