using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using JiuTracker.Tests.Import;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>Uploading an "Action required" document on a production install: preview, then import in one go.</summary>
public class ImportUploadTests(ProductionJiuTrackerFactory app) : IClassFixture<ProductionJiuTrackerFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        const string email = "importer@example.org";
        if (!await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<JiuTracker.Web.Security.AccountAdministration>();
            var created = await accounts.CreateAsync(email, ["Administrator"], "Strong-Passw0rd-2026", new ChangeStamp("test", DateTimeOffset.UtcNow), CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        var client = app.CreateBrowserClient();
        await client.SignInAsync(email, "Strong-Passw0rd-2026");
        return client;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string text) => UploadAsync(client, Encoding.UTF8.GetBytes(text));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetDocumentAsync("/Admin/Import");
        var token = page.QuerySelector("#upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "document", "action-required.txt" },
        };
        return await client.PostAsync("/Admin/Import?handler=Preview", content);
    }

    [Fact]
    public async Task Upload_WithAnError_ListsItWithItsLine_AndOffersNoImport()
    {
        var client = await AdminAsync();

        var response = await UploadAsync(client, TestDocuments.SeedWithLine(60, "\t", "\tX"));

        var page = await response.ReadDocumentAsync();
        Assert.Contains("line 57, JIU/REP/2021/3, recommendation 1: two acceptance marks", page.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#import"));
        Assert.Equal(0, await app.QueryAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Upload_ThenImport_PreviewsWhatItWillCreate_ThenStoresItAll()
    {
        var client = await AdminAsync();

        var preview = await (await UploadAsync(client, TestDocuments.SeedText())).ReadDocumentAsync();

        Assert.Equal(4, preview.QuerySelectorAll("#new-reports tbody tr").Length);
        Assert.Contains("Anders Norsker (GS/IS)", preview.QuerySelector("#preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, NewFocalPoints(preview).Count);
        Assert.Equal(0, await app.QueryAsync(db => db.Reports.CountAsync()));

        // The statuses are as of the date the document states, prefilled and said where it comes from.
        Assert.Equal("2021-12-31", preview.QuerySelector("#import input#AsOf")!.GetAttribute("value"));
        Assert.NotNull(preview.QuerySelector("#import label[for=AsOf]"));
        Assert.Contains("Prefilled with the date the document states, 2021-12-31 (from the title's year range \"2020- 2021\", read as 31 December 2021).",
            preview.QuerySelector("#AsOf-hint")!.TextContent, StringComparison.Ordinal);

        var imported = await client.SubmitFormAsync(preview, "/Admin/Import?handler=Import", new Dictionary<string, string>(), "#import");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal((4, 23, 5), (await app.QueryAsync(db => db.Reports.CountAsync()), await app.QueryAsync(db => db.Recommendations.CountAsync()), await app.QueryAsync(db => db.FocalPoints.CountAsync())));
        var audit = await app.QueryAsync(db => db.AdminAudit.SingleAsync(a => a.Action == AdminAction.DocumentImported));
        Assert.Contains("Imported 4 report(s)", audit.Details, StringComparison.Ordinal);
        Assert.Equal("importer@example.org", audit.By);
        Assert.EndsWith("Statuses as of 2021-12-31, dated 2021-12-31 00:00 UTC in the history.", audit.Details, StringComparison.Ordinal);
        var dated = new DateTimeOffset(2021, 12, 31, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([dated], await app.QueryAsync(db => db.History.Select(h => h.ChangedAt).Distinct().ToListAsync()));
        Assert.Equal([dated], await app.QueryAsync(db => db.Recommendations.Select(r => r.RegisteredAt).Distinct().ToListAsync()));

        // A report new to the app whose focal points are registered by now: the preview names no new focal point.
        var again = await (await UploadAsync(client, TestDocuments.SeedText().Replace("JIU/REP/2021/3", "JIU/REP/2021/9", StringComparison.Ordinal))).ReadDocumentAsync();
        Assert.Equal(1, again.QuerySelectorAll("#new-reports tbody tr").Length);
        Assert.Empty(NewFocalPoints(again));
    }

    [Fact]
    public async Task Preview_ShowsEachRecommendationsStatusesAndComment_AsTheDocumentGivesThem()
    {
        var client = await AdminAsync();
        var document = LegacyDocumentReader.Read(UnregisteredSeed()).Document!;

        var preview = await (await UploadAsync(client, UnregisteredSeed())).ReadDocumentAsync();

        foreach (var report in document.Reports)
        {
            var table = preview.QuerySelector($"#statuses-{report.Symbol.ToString().Replace('/', '-')}")!;
            var rows = table.QuerySelectorAll("tbody tr").Select(r => (
                Number: r.QuerySelector("th")!.TextContent,
                Cells: r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray())).ToList();
            Assert.Equal(report.Recommendations.Select(r => r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Number));
            foreach (var (recommendation, row) in report.Recommendations.Zip(rows))
            {
                string[] expected = recommendation.InformationOnlyNote is { } note
                    ? [$"For information only: {note}", recommendation.Comment ?? "none"]
                    : [recommendation.Acceptance.LabelOrNotRecorded(), recommendation.Implementation.LabelOrNotRecorded(), recommendation.Comment ?? "none"];
                Assert.Equal(expected, row.Cells);
            }
        }

        Assert.Contains(document.Reports.SelectMany(r => r.Recommendations), r => r.Comment is not null);
        Assert.Contains(document.Reports.SelectMany(r => r.Recommendations), r => r.InformationOnlyNote is not null);
    }

    /// <summary>The seed with report symbols no other test imports, so that its preview always offers the import.</summary>
    private static string UnregisteredSeed() => TestDocuments.SeedText()
        .Replace("JIU/REP/2021/", "JIU/REP/2011/", StringComparison.Ordinal)
        .Replace("JIU/REP/2020/", "JIU/REP/2010/", StringComparison.Ordinal);

    private Task<(int Reports, int History, int Audit)> CountsAsync() => app.QueryAsync(async db =>
        (await db.Reports.CountAsync(), await db.History.CountAsync(), await db.AdminAudit.CountAsync()));

    [Fact]
    public async Task Upload_OfADocumentStatingNoDate_AsksForTheDay_AndImportWithoutItIsRefusedOnTheField()
    {
        var client = await AdminAsync();
        var text = UnregisteredSeed().Replace(" 2020- 2021 JIU UN SYSTEM-WIDE REPORTS", " JIU UN SYSTEM-WIDE REPORTS", StringComparison.Ordinal);

        var preview = await (await UploadAsync(client, text)).ReadDocumentAsync();

        var field = preview.QuerySelector("#import input#AsOf")!;
        Assert.Equal("", field.GetAttribute("value") ?? "");
        Assert.True(field.HasAttribute("required"));
        Assert.Contains("The document states no date its statuses are as of: give the day they are as of.", preview.QuerySelector("#AsOf-hint")!.TextContent, StringComparison.Ordinal);
        var before = await CountsAsync();

        var refused = await client.SubmitFormAsync(preview, "/Admin/Import?handler=Import", new Dictionary<string, string> { ["AsOf"] = "" }, "#import");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal("Statuses as of: the document states no date its statuses are as of; give the day (YYYY-MM-DD). Nothing was imported.",
            page.QuerySelector("#AsOf-error")!.TextContent.Trim());
        Assert.Contains("is-invalid", page.QuerySelector("#AsOf")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string> BadDays => new()
    {
        { DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Statuses as of: the day must be between 1990-01-01 and " },
        { "1989-12-31", "Statuses as of: the day must be between 1990-01-01 and " },
        { "31.12.2021", "Statuses as of: \"31.12.2021\" is not a date" },
        // The prefilled day cleared.
        { "", "Statuses as of: give the day its statuses are as of (YYYY-MM-DD; the document states 2021-12-31). Nothing was imported." },
    };

    [Theory]
    [MemberData(nameof(BadDays))]
    public async Task Import_AsOfADayAfterTodayBefore1990OrMalformed_IsRefusedOnTheField_AndStoresNothing(string day, string expected)
    {
        var client = await AdminAsync();
        var preview = await (await UploadAsync(client, UnregisteredSeed())).ReadDocumentAsync();
        var before = await CountsAsync();

        var refused = await client.SubmitFormAsync(preview, "/Admin/Import?handler=Import", new Dictionary<string, string> { ["AsOf"] = day }, "#import");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains(expected, page.QuerySelector("#AsOf-error")!.TextContent, StringComparison.Ordinal);
        // The import form stays, with the document, for a corrected day.
        Assert.NotNull(page.QuerySelector("#import input[name=DocumentText]"));
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>The preview's "New focal points: a; b." line, as its entries.</summary>
    private static List<string> NewFocalPoints(AngleSharp.Html.Dom.IHtmlDocument preview)
    {
        var line = preview.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Single(t => t.StartsWith("New focal points: ", StringComparison.Ordinal));
        var entries = line["New focal points: ".Length..].TrimEnd('.');
        return entries == "none" ? [] : [.. entries.Split("; ")];
    }

    [Theory]
    [MemberData(nameof(EncodedDocuments.Encodings), MemberType = typeof(EncodedDocuments))]
    public async Task Upload_OfTheSeedSavedInEachEncoding_PreviewsItsText_ReadyToImport(string encoding)
    {
        var client = await AdminAsync();
        var text = EncodedDocuments.SeedWithAccents();

        var preview = await (await UploadAsync(client, EncodedDocuments.Bytes(text, encoding))).ReadDocumentAsync();

        Assert.Equal(4, preview.QuerySelectorAll("#new-reports tbody tr").Length);
        Assert.Contains("Robin Zürcher (SPD/GS)", preview.QuerySelector("#preview")!.TextContent, StringComparison.Ordinal);
        // The text the Import button sends is the document's, character for character.
        Assert.Equal(text, preview.QuerySelector("#import input[name=DocumentText]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Upload_OfAWordDocx_ShowsTheFormWithTheReason_AndOffersNoImport()
    {
        var client = await AdminAsync();

        var response = await UploadAsync(client, EncodedDocuments.Docx());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("action-required.txt is a zip archive (a Word .docx document is one), not plain text.", page.QuerySelector("#upload .alert")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#import"));
    }

    [Fact]
    public async Task Upload_OfAFileWithNulBytes_ShowsTheFormWithTheReason()
    {
        var client = await AdminAsync();

        var page = await (await UploadAsync(client, EncodedDocuments.WithNulBytes())).ReadDocumentAsync();

        Assert.Contains("is a binary file (it holds NUL bytes)", page.QuerySelector("#upload .alert")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#import"));
    }

    [Fact]
    public async Task Upload_OverTheLimit_ShowsTheFormWithTheSizeAndTheLimit()
    {
        var client = await AdminAsync();

        var response = await UploadAsync(client, new byte[6 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("action-required.txt is 6.0 MB, larger than the 5.0 MB a document may have", page.QuerySelector("#upload .alert")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#import"));
    }
}
