using System.Net;
using System.Security.Cryptography;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Evidence;

/// <summary>
/// Files attached to a recommendation as evidence, over HTTP: who may attach, withdraw and download them, the type
/// decided from the content, the attachment headers, and what the history keeps.
/// </summary>
public class EvidenceTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private const string Environment = SeedReports.Environment;

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, int id, string fileName, byte[] bytes, string description = "The policy adopted by the Council", string? effectiveOn = null)
    {
        var token = await client.AntiforgeryTokenAsync($"/Recommendations/Evidence/{id}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(description), "Upload.Description" },
            { new StringContent(effectiveOn ?? Today), "Upload.EffectiveOn" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync($"/Recommendations/Evidence/{id}?handler=Upload", content);
    }

    private static async Task<HttpResponseMessage> WithdrawAsync(HttpClient client, int recommendationId, int evidenceId, string reason)
    {
        var token = await client.AntiforgeryTokenAsync($"/Recommendations/Evidence/{recommendationId}");
        return await client.PostAsync($"/Recommendations/Evidence/{recommendationId}?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Withdraw.EvidenceId"] = $"{evidenceId}",
            ["Withdraw.Reason"] = reason,
        }));
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadDocumentAsync()).QuerySelector("main .validation-summary-errors")?.TextContent
            ?? throw new InvalidOperationException("The page came back without a message.");
    }

    private Task<List<EvidenceFile>> EvidenceOfAsync(int id) =>
        app.QueryAsync(db => db.Evidence.AsNoTracking().Include(e => e.Withdrawal).Where(e => e.RecommendationId == id).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Upload_AsTheReportsFocalPoint_StoresTheFileWithItsSha256_ListsIt_CountsItInTheMatrix_AndRecordsItInTheHistory()
    {
        var id = await app.RecommendationIdAsync(Environment, 1);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(EvidenceFiles.Pdf));

        var response = await UploadAsync(client, id, "cyber-policy.pdf", EvidenceFiles.Pdf, effectiveOn: "2024-03-01");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await EvidenceOfAsync(id), e => e.FileName == "cyber-policy.pdf");
        Assert.Equal(("application/pdf", sha256, EvidenceFiles.Pdf.LongLength, new DateOnly(2024, 3, 1), DemoAccounts.RobinZuercher),
            (stored.ContentType, stored.Sha256, stored.Size, stored.EffectiveOn, stored.UploadedBy));
        Assert.Equal(EvidenceFiles.Pdf, await app.QueryAsync(db => db.EvidenceContents.Where(c => c.EvidenceFileId == stored.Id).Select(c => c.Bytes).SingleAsync()));

        var row = (await client.GetDocumentAsync($"/Recommendations/Evidence/{id}")).QuerySelector($"#evidence-{stored.Id}")!;
        Assert.Contains(sha256, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("The policy adopted by the Council", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2024-03-01", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Recommendations/EvidenceFile/{stored.Id}", row.QuerySelector("a")!.GetAttribute("href"));

        var history = (await client.GetDocumentAsync($"/Recommendations/History/{id}")).QuerySelector("main table")!.TextContent;
        Assert.Contains("Evidence attached", history, StringComparison.Ordinal);
        Assert.Contains($"cyber-policy.pdf (SHA-256 {sha256[..12]}", history, StringComparison.Ordinal);

        var reportId = await app.ReportIdAsync(Environment);
        var matrix = await client.GetDocumentAsync($"/Reports/Details/{reportId}");
        var link = matrix.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"/Recommendations/Evidence/{id}");
        Assert.StartsWith($"Evidence ({(await EvidenceOfAsync(id)).Count(e => !e.IsWithdrawn)})", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AsAnAdministrator_IsStored()
    {
        var id = await app.RecommendationIdAsync(Environment, 2);
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await UploadAsync(client, id, "decision.png", EvidenceFiles.Png);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(await EvidenceOfAsync(id), e => e.FileName == "decision.png" && e.ContentType == "image/png" && e.UploadedBy == DemoAccounts.Admin);
    }

    [Theory]
    [InlineData(DemoAccounts.CosmasZavazava)]
    [InlineData(DemoAccounts.Management)]
    [InlineData(DemoAccounts.Auditor)]
    public async Task Upload_AsSomeoneWhoDoesNotEditTheReport_IsForbidden_AndStoresNothing(string email)
    {
        var id = await app.RecommendationIdAsync(Environment, 3);
        var client = await app.SignedInClientAsync(email);
        var before = await app.RowCountsAsync();

        var response = await UploadAsync(client, id, "policy.pdf", EvidenceFiles.Pdf);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.RowCountsAsync());
        Assert.Null((await client.GetDocumentAsync($"/Recommendations/Evidence/{id}")).QuerySelector("#upload"));
    }

    [Fact]
    public async Task AnExecutableNamedPdf_IsRefusedNamingTheFileAndWhatItIs_AndNothingIsStored()
    {
        var id = await app.RecommendationIdAsync(Environment, 4);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var before = await app.RowCountsAsync();

        var message = await ErrorsAsync(await UploadAsync(client, id, "policy.pdf", EvidenceFiles.Executable));

        Assert.Contains("policy.pdf is a Windows program", message, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", message, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task ATextFileNamedPdf_IsAcceptedAsPlainText_AndDownloadedAsText()
    {
        var id = await app.RecommendationIdAsync(Environment, 4);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "minutes.pdf", EvidenceFiles.Text("Minutes of the meeting\r\n\tDécision adoptée.\n"))).StatusCode);

        var stored = Assert.Single(await EvidenceOfAsync(id), e => e.FileName == "minutes.pdf");
        Assert.Equal("text/plain; charset=utf-8", stored.ContentType);
        var download = await client.GetAsync($"/Recommendations/EvidenceFile/{stored.Id}");
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    public async Task AnOfficeDocument_IsRecognisedByItsPackageContentTypes_WhateverItIsCalled(string kind, string contentType)
    {
        var id = await app.RecommendationIdAsync(Environment, 5);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var bytes = kind switch { "docx" => EvidenceFiles.Docx(), "xlsx" => EvidenceFiles.Xlsx(), _ => EvidenceFiles.Pptx() };

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, $"office-{kind}.bin", bytes)).StatusCode);

        Assert.Equal(contentType, Assert.Single(await EvidenceOfAsync(id), e => e.FileName == $"office-{kind}.bin").ContentType);
    }

    [Fact]
    public async Task AZipThatIsNotAnOfficeDocument_IsRefused_AndNothingIsStored()
    {
        var id = await app.RecommendationIdAsync(Environment, 5);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var before = await app.RowCountsAsync();
        var zip = EvidenceFiles.Ooxml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", includeMainPart: false);

        var message = await ErrorsAsync(await UploadAsync(client, id, "report.docx", zip));

        Assert.Contains("report.docx is a zip archive, not a Word, Excel or PowerPoint document", message, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Theory]
    [InlineData("", null, "Describe the file")]
    [InlineData("too long", null, "at most 500 characters")]
    [InlineData("A decision", "2999-01-01", "cannot be in the future")]
    [InlineData("A decision", "", "Give the date the file takes effect")]
    public async Task ADescriptionOrDateThatBreaksARule_IsRefusedSayingWhereAndWhat_AndNothingIsStored(string description, string? effectiveOn, string expected)
    {
        var id = await app.RecommendationIdAsync(Environment, 6);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var before = await app.RowCountsAsync();

        var response = await UploadAsync(client, id, "policy.pdf", EvidenceFiles.Pdf, description == "too long" ? new string('d', 501) : description, effectiveOn);

        Assert.Contains(expected, await ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task Download_IsAnAttachmentUnderASafeName_NotSniffed_ByteForByte()
    {
        var id = await app.RecommendationIdAsync(Environment, 7);
        var evidence = await app.QueryAsync(db => EvidenceFiles.AttachAsync(db, id, DemoAccounts.RobinZuercher, "..\\..\\C:\\evil\"na\u0007me\r\n.pdf", EvidenceFiles.Pdf));
        var accented = await app.QueryAsync(db => EvidenceFiles.AttachAsync(db, id, DemoAccounts.RobinZuercher, "Décision №5.pdf", EvidenceFiles.Pdf));
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var response = await client.GetAsync($"/Recommendations/EvidenceFile/{evidence}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"evilname.pdf\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(EvidenceFiles.Pdf, await response.Content.ReadAsByteArrayAsync());

        var other = await client.GetAsync($"/Recommendations/EvidenceFile/{accented}");
        Assert.Equal("attachment; filename=\"D_cision _5.pdf\"; filename*=UTF-8''D%C3%A9cision%20%E2%84%965.pdf", other.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("Décision №5.pdf", other.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Withdraw_NeedsAReason_ThenKeepsTheFileForAuditorsOnly_AndRecordsItInTheHistory()
    {
        var id = await app.RecommendationIdAsync(Environment, 8);
        var evidence = await app.QueryAsync(db => EvidenceFiles.AttachAsync(db, id, DemoAccounts.RobinZuercher, "wrong-circular.pdf", EvidenceFiles.Pdf));
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var before = await app.RowCountsAsync();

        Assert.Contains("Give the reason for withdrawing wrong-circular.pdf", await ErrorsAsync(await WithdrawAsync(focalPoint, id, evidence, "  ")), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await WithdrawAsync(await app.SignedInClientAsync(DemoAccounts.CosmasZavazava), id, evidence, "Not mine to withdraw.")).StatusCode);
        Assert.Equal(before, await app.RowCountsAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await WithdrawAsync(focalPoint, id, evidence, "The circular of another organization.")).StatusCode);

        var withdrawn = Assert.Single(await EvidenceOfAsync(id), e => e.Id == evidence);
        Assert.Equal(("The circular of another organization.", DemoAccounts.RobinZuercher), (withdrawn.Withdrawal?.Reason, withdrawn.Withdrawal?.WithdrawnBy));
        Assert.Contains("already withdrawn", await ErrorsAsync(await WithdrawAsync(focalPoint, id, evidence, "Again.")), StringComparison.Ordinal);

        var auditor = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var row = (await auditor.GetDocumentAsync($"/Recommendations/Evidence/{id}")).QuerySelector($"#evidence-{evidence}")!.TextContent;
        Assert.Contains("Withdrawn", row, StringComparison.Ordinal);
        Assert.Contains("The circular of another organization.", row, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/Recommendations/EvidenceFile/{evidence}")).StatusCode);

        var management = await app.SignedInClientAsync(DemoAccounts.Management);
        Assert.Null((await management.GetDocumentAsync($"/Recommendations/Evidence/{id}")).QuerySelector($"#evidence-{evidence}"));
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync($"/Recommendations/EvidenceFile/{evidence}")).StatusCode);

        var history = await app.QueryAsync(db => db.History.Where(h => h.RecommendationId == id).OrderBy(h => h.Id).Select(h => new { h.Field, h.OldValue, h.NewValue }).ToListAsync());
        Assert.Equal(HistoryField.EvidenceAttached, history[^2].Field);
        Assert.Equal((HistoryField.EvidenceWithdrawn, "The circular of another organization."), (history[^1].Field, history[^1].NewValue));
        Assert.StartsWith("wrong-circular.pdf (SHA-256 ", history[^1].OldValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnRecommendationsEvidence_IsReadOnlyByAuditorsAndAdministrators()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 1);
        var evidence = await app.QueryAsync(async db =>
        {
            var file = await EvidenceFiles.AttachAsync(db, id, DemoAccounts.Admin, "decision.pdf", EvidenceFiles.Pdf);
            (await db.Recommendations.SingleAsync(r => r.Id == id)).Withdraw("Registered twice.", new ChangeStamp(DemoAccounts.Admin, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return file;
        });

        foreach (var email in new[] { DemoAccounts.Management, DemoAccounts.Coordinator, DemoAccounts.CosmasZavazava })
        {
            var client = await app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Recommendations/EvidenceFile/{evidence}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Recommendations/Evidence/{id}")).StatusCode);
        }

        foreach (var email in new[] { DemoAccounts.Auditor, DemoAccounts.Admin })
        {
            var client = await app.SignedInClientAsync(email);
            Assert.Equal(EvidenceFiles.Pdf, await client.GetByteArrayAsync($"/Recommendations/EvidenceFile/{evidence}"));
            Assert.NotNull((await client.GetDocumentAsync($"/Recommendations/Evidence/{id}")).QuerySelector($"#evidence-{evidence}"));
        }

        var before = await app.RowCountsAsync();
        Assert.Contains("was withdrawn; no evidence can be attached",
            (await (await UploadAsync(await app.SignedInClientAsync(DemoAccounts.Admin), id, "more.pdf", EvidenceFiles.Pdf)).ReadDocumentAsync()).QuerySelector("main .validation-summary-errors")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Theory]
    [InlineData("UPDATE \"Evidence\" SET \"Description\" = 'rewritten'", "cannot be changed")]
    [InlineData("UPDATE \"EvidenceContents\" SET \"Bytes\" = X'00'", "cannot be changed")]
    [InlineData("DELETE FROM \"Evidence\"", "cannot be deleted")]
    [InlineData("DELETE FROM \"EvidenceWithdrawals\"", "cannot be deleted")]
    public async Task EvidenceRows_AreRefusedAnyChange_ByTheDatabaseItself(string sql, string message)
    {
        var id = await app.RecommendationIdAsync(Environment, 9);
        await app.QueryAsync(async db =>
        {
            var file = await EvidenceFiles.AttachAsync(db, id, DemoAccounts.Admin, "kept.pdf", EvidenceFiles.Pdf);
            var recommendation = await db.Recommendations.SingleAsync(r => r.Id == id);
            recommendation.WithdrawEvidence(await db.Evidence.SingleAsync(e => e.Id == file), "To have a withdrawal row.", new ChangeStamp(DemoAccounts.Admin, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        await using var db = app.CreateDbContext();
        var before = await app.RowCountsAsync();
        var sqlForProvider = db.Database.IsSqlite() ? sql : sql.Replace("X'00'", "'\\x00'::bytea", StringComparison.Ordinal);

        var refusal = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sqlForProvider));

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }
}
