using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using JiuTracker.Tests.Import;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
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

        Assert.Equal(4, preview.QuerySelectorAll("#preview tbody tr").Length);
        Assert.Contains("Anders Norsker (GS/IS)", preview.QuerySelector("#preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, NewFocalPoints(preview).Count);
        Assert.Equal(0, await app.QueryAsync(db => db.Reports.CountAsync()));

        var imported = await client.SubmitFormAsync(preview, "/Admin/Import?handler=Import", new Dictionary<string, string>(), "#import");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal((4, 23, 5), (await app.QueryAsync(db => db.Reports.CountAsync()), await app.QueryAsync(db => db.Recommendations.CountAsync()), await app.QueryAsync(db => db.FocalPoints.CountAsync())));
        var audit = await app.QueryAsync(db => db.AdminAudit.SingleAsync(a => a.Action == AdminAction.DocumentImported));
        Assert.Contains("Imported 4 report(s)", audit.Details, StringComparison.Ordinal);
        Assert.Equal("importer@example.org", audit.By);

        // A report new to the app whose focal points are registered by now: the preview names no new focal point.
        var again = await (await UploadAsync(client, TestDocuments.SeedText().Replace("JIU/REP/2021/3", "JIU/REP/2021/9", StringComparison.Ordinal))).ReadDocumentAsync();
        Assert.Equal(1, again.QuerySelectorAll("#preview tbody tr").Length);
        Assert.Empty(NewFocalPoints(again));
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

        Assert.Equal(4, preview.QuerySelectorAll("#preview tbody tr").Length);
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
