using System.Globalization;
using System.Net;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Tests.Evidence;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JiuTracker.Tests.Export.WorkbookFile;

namespace JiuTracker.Tests.Export;

/// <summary>
/// Claims of implementation in the exports (decision 032). The story, on the app's clock: the seed is imported on day 0
/// (JIU/REP/2021/3 recommendations 1 and 2 are Accepted and Not started); on day 2 the focal point attaches a file of
/// evidence to recommendation 1 and states both Implemented, which claims it; on day 4 the coordinator accepts the
/// claim on recommendation 1. Recommendation 2's claim still waits.
/// </summary>
public class ImplementationClaimExportTests : IClassFixture<ClockedJiuTrackerFactory>, IAsyncLifetime
{
    private const string Report = SeedReports.Cybersecurity;
    private const string Footnote = "Implementation claimed; awaiting validation.";
    private readonly ClockedJiuTrackerFactory _app;
    private DateOnly _day0;

    public ImplementationClaimExportTests(ClockedJiuTrackerFactory app) => _app = app;

    private string Day(int n) => _day0.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _day0 = _app.StartDay;
        var first = await _app.RecommendationIdAsync(Report, 1);
        var second = await _app.RecommendationIdAsync(Report, 2);
        if (await _app.QueryAsync(db => db.History.AnyAsync(h => h.RecommendationId == first && h.Field == HistoryField.ClosureValidated)))
        {
            return;
        }

        // Each step signs in afresh: sessions end after half an hour without a request, and days pass here.
        _app.Clock.Advance(TimeSpan.FromDays(2));
        var focalPoint = await _app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var today = _app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTests.UploadAsync(focalPoint, first, "policy.pdf", EvidenceFiles.Pdf, effectiveOn: today)).StatusCode);
        foreach (var id in new[] { first, second })
        {
            var saved = await focalPoint.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string>
            {
                ["Input.Acceptance"] = "Accepted", ["Input.Implementation"] = "Implemented",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        _app.Clock.Advance(TimeSpan.FromDays(2));
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiuDbContext>();
        var recommendation = await db.Recommendations.Include(r => r.Evidence).ThenInclude(e => e.Withdrawal).SingleAsync(r => r.Id == first);
        recommendation.AcceptClaim("The policy is in force.", new ChangeStamp(DemoAccounts.Coordinator, _app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<byte[]> DownloadAsync(string path, string? asOf)
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Auditor);
        var response = await client.GetAsync($"{path}?report={Report}{(asOf is null ? "" : $"&asOf={asOf}")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The implementation cells (Not started, In progress, Implemented) of a recommendation's row, then the footnotes they refer to.</summary>
    private async Task<string> DocumentRowAsync(int number, string? asOf)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync("/export/action-required.docx", asOf)), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var row = document.MainDocumentPart!.Document.Body!.Elements<Table>().Last().Elements<TableRow>()
            .Single(r => r.InnerText.StartsWith($"Recommendation {number}:", StringComparison.Ordinal));
        var cells = row.Elements<TableCell>().Skip(7).Take(3).ToList();
        var footnotes = document.MainDocumentPart.FootnotesPart?.Footnotes?.Elements<Footnote>().ToDictionary(f => f.Id!.Value, f => f.InnerText.Trim()) ?? [];
        return string.Join("|", cells.Select(c => c.InnerText)) + " "
            + string.Join(" ", cells.SelectMany(c => c.Descendants<FootnoteReference>()).Select(r => $"[{footnotes[r.Id!.Value]}]"));
    }

    /// <summary>Recommendation number → its CSV row, by column name.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> CsvAsync(string? asOf)
    {
        using var reader = CsvReader.FromText(System.Text.Encoding.UTF8.GetString(await DownloadAsync("/export/recommendations.csv", asOf)), new CsvReaderOptions { HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return records.Skip(1)
            .Select(fields => records[0].Zip(fields).ToDictionary(p => p.First, p => p.Second))
            .ToDictionary(row => row["recommendation_number"]);
    }

    [Fact]
    public async Task Document_ShowsAClaimInProgress_WithAFootnote_AndImplementedOnlyOnceValidated()
    {
        Assert.Equal("X|| ", await DocumentRowAsync(1, Day(1)));
        Assert.Equal($"|X| [{Footnote}]", await DocumentRowAsync(1, Day(3)));
        Assert.Equal("||X ", await DocumentRowAsync(1, null));
        Assert.Equal($"|X| [{Footnote}]", await DocumentRowAsync(2, null));
    }

    [Fact]
    public async Task RecommendationsCsv_SaysWhetherImplementationIsClaimed_AndCountsTheEvidence_ToDayAndAsOfADay()
    {
        static (string, string, string) Claim(Dictionary<string, string> row) => (row["implementation"], row["implementation_claimed"], row["evidence_files"]);
        var before = await CsvAsync(Day(1));
        var claimed = await CsvAsync(Day(3));
        var now = await CsvAsync(null);

        Assert.Equal(("not-started", "no", "0"), Claim(before["1"]));
        Assert.Equal(("not-started", "yes", "1"), Claim(claimed["1"]));
        Assert.Equal(("not-started", "yes", "0"), Claim(claimed["2"]));
        Assert.Equal(("implemented", "no", "1"), Claim(now["1"]));
        Assert.Equal(("not-started", "yes", "0"), Claim(now["2"]));
    }

    [Fact]
    public async Task Workbook_HasTheClaimAndEvidenceColumns_CountsClaims_AndNotesThemInTheReportSheet()
    {
        static Dictionary<string, string> Columns(WorkbookFile workbook, int number)
        {
            var rows = Rows(workbook.Sheet("Recommendations"));
            var header = rows[0].ToDictionary(c => Text(c.Value), c => c.Key);
            var row = rows.Single(r => r.TryGetValue(header["Recommendation"], out var n) && Text(n) == $"{number}");
            return header.ToDictionary(h => h.Key, h => Text(row.GetValueOrDefault(h.Value)));
        }

        using var before = new WorkbookFile(new MemoryStream(await DownloadAsync("/export/jiu-status.xlsx", Day(1))));
        using var claimed = new WorkbookFile(new MemoryStream(await DownloadAsync("/export/jiu-status.xlsx", Day(3))));

        Assert.Equal(("No", "0"), (Columns(before, 1)["Implementation claimed"], Columns(before, 1)["Evidence files"]));
        Assert.Equal(("Not started", "Yes", "1"), (Columns(claimed, 1)["Implementation"], Columns(claimed, 1)["Implementation claimed"], Columns(claimed, 1)["Evidence files"]));

        var figure = Rows(claimed.Sheet("Summary")).Single(r => r.TryGetValue("A", out var a) && Text(a) == "Implementation claimed");
        Assert.Equal(2, Number(figure["B"]));
        Assert.StartsWith("A focal point stated Implemented", Text(figure["C"]), StringComparison.Ordinal);

        // The report sheet's marks stay on the recorded status, so that they add up to the figures; the comments say the claim.
        var matrix = Rows(claimed.Sheet("REP-2021-3")).Single(r => r.TryGetValue("A", out var a) && Text(a).StartsWith("Recommendation 1:", StringComparison.Ordinal));
        Assert.Equal(("X", "", ""), (Text(matrix.GetValueOrDefault("H")), Text(matrix.GetValueOrDefault("I")), Text(matrix.GetValueOrDefault("J"))));
        Assert.EndsWith(Footnote, Text(matrix["K"]), StringComparison.Ordinal);
        Assert.DoesNotContain(Footnote, Text(Rows(before.Sheet("REP-2021-3")).Single(r => r.TryGetValue("A", out var a) && Text(a).StartsWith("Recommendation 1:", StringComparison.Ordinal)).GetValueOrDefault("K")), StringComparison.Ordinal);
    }
}
