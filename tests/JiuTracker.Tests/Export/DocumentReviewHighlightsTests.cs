using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Tests.Import;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Export;

/// <summary>
/// The "· Review Highlights" line under each report's focal points in the "Action required" document: a link when an
/// administrator has entered the report's review highlights address (here for JIU/REP/2020/8 only), plain text when not.
/// </summary>
public sealed class DocumentReviewHighlightsTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IAsyncLifetime
{
    private const string Address = "https://www.unjiu.org/sites/www.unjiu.org/files/jiu_rep_2020_8_review_highlights.pdf";
    private static readonly string[] Symbols = [SeedReports.Cybersecurity, SeedReports.Landlocked, SeedReports.Environment, SeedReports.Blockchain];

    public async Task InitializeAsync()
    {
        var id = await app.ReportIdAsync(SeedReports.Environment);
        // Once for the class: the form refuses a save that changes nothing.
        if (await app.QueryAsync(db => db.Reports.AnyAsync(r => r.Id == id && r.ReviewHighlightsUrl != null)))
        {
            return;
        }

        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var response = await admin.SubmitFormAsync($"/Admin/Reports/Edit/{id}", new Dictionary<string, string> { ["Input.ReviewHighlightsUrl"] = Address });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<WordprocessingDocument> DownloadAsync()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        return WordprocessingDocument.Open(new MemoryStream(await client.GetByteArrayAsync("/export/action-required.docx")), false);
    }

    /// <summary>The paragraph after report <paramref name="symbol"/>'s heading and focal-point line.</summary>
    private static Paragraph LineOf(WordprocessingDocument document, string symbol)
    {
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var heading = paragraphs.FindIndex(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2" && p.InnerText.StartsWith(symbol + " ", StringComparison.Ordinal));
        Assert.True(heading >= 0, $"no heading for {symbol}");
        Assert.StartsWith("ITU Focal Point: ", paragraphs[heading + 1].InnerText, StringComparison.Ordinal);
        return paragraphs[heading + 2];
    }

    [Fact]
    public async Task EveryReport_HasTheLineAfterItsFocalPoints_AsTheSeed_KeptWithItsTable()
    {
        // The original has the line after every report's focal-point line.
        var seedLines = TestDocuments.SeedText().ReplaceLineEndings("\n").Split('\n');
        var focalPointLines = seedLines.Select((line, i) => (line, i)).Where(l => l.line.Contains("ITU Focal Point:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, focalPointLines.Count);
        Assert.All(focalPointLines, l => Assert.Equal("· Review Highlights", seedLines[l.i + 1].Trim()));

        using var document = await DownloadAsync();

        foreach (var symbol in Symbols)
        {
            var line = LineOf(document, symbol);
            Assert.Equal("· Review Highlights", line.InnerText);
            Assert.NotNull(line.ParagraphProperties?.KeepNext);
            Assert.IsType<Table>(line.NextSibling());
        }
    }

    [Fact]
    public async Task ReportWithAnAddress_HasALinkToIt_ThroughAnExternalRelationship_InAValidFile()
    {
        using var document = await DownloadAsync();

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var link = Assert.Single(LineOf(document, SeedReports.Environment).Elements<Hyperlink>());
        Assert.Equal("Review Highlights", link.InnerText);
        Assert.Equal("Hyperlink", link.Descendants<RunStyle>().Single().Val!.Value);
        var relationship = document.MainDocumentPart!.HyperlinkRelationships.Single(r => r.Id == link.Id!.Value);
        Assert.True(relationship.IsExternal);
        Assert.Equal(new Uri(Address), relationship.Uri);
    }

    [Fact]
    public async Task ReportsWithoutAnAddress_HavePlainText_AndNoRelationship()
    {
        using var document = await DownloadAsync();

        foreach (var symbol in Symbols.Where(s => s != SeedReports.Environment))
        {
            Assert.Empty(LineOf(document, symbol).Descendants<Hyperlink>());
        }

        Assert.Single(document.MainDocumentPart!.HyperlinkRelationships);
    }
}
