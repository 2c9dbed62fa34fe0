using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using JiuTracker.BrowserTests.Infrastructure;
using JiuTracker.Web.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>An auditor takes each export from the Exports page; each download is named for the day and opens.</summary>
public sealed class ExportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] ReportSymbols = ["JIU/REP/2020/7", "JIU/REP/2020/8", "JIU/REP/2021/2", "JIU/REP/2021/3"];

    [Fact]
    public async Task Auditor_DownloadsTheWordDocument_NamedForTheDay_AndItOpens()
    {
        var file = await DownloadAsync(nameof(Auditor_DownloadsTheWordDocument_NamedForTheDay_AndItOpens),
            page => page.GetByRole(AriaRole.Button, new() { Name = "\"Action required\" document (Word)" }).ClickAsync(),
            "action-required", "docx");

        using var document = WordprocessingDocument.Open(file, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Action required", text, StringComparison.Ordinal);
        Assert.All(ReportSymbols, symbol => Assert.Contains(symbol, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auditor_DownloadsTheExcelWorkbook_NamedForTheDay_AndItOpens()
    {
        var file = await DownloadAsync(nameof(Auditor_DownloadsTheExcelWorkbook_NamedForTheDay_AndItOpens),
            page => page.GetByRole(AriaRole.Button, new() { Name = "Workbook (Excel)" }).ClickAsync(),
            "jiu-status", "xlsx");

        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
        Assert.NotEmpty(workbook.WorkbookPart!.WorksheetParts);
        // Cell text is either in the shared string table or inline in the sheets.
        var text = string.Concat(
            workbook.WorkbookPart.SharedStringTablePart?.SharedStringTable?.InnerText ?? "",
            string.Concat(workbook.WorkbookPart.WorksheetParts.Select(sheet => sheet.Worksheet?.InnerText)));
        Assert.All(ReportSymbols, symbol => Assert.Contains(symbol, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auditor_DownloadsTheHistoryCsv_NamedForTheDay_WithEveryChange()
    {
        var file = await DownloadAsync(nameof(Auditor_DownloadsTheHistoryCsv_NamedForTheDay_WithEveryChange),
            page => page.GetByRole(AriaRole.Button, new() { Name = "History (CSV)" }).ClickAsync(),
            "jiu-history", "csv");

        var records = CsvRecords.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal(HistoryCsv.Header, records[0]);
        Assert.Equal(await app.QueryAsync(db => db.History.CountAsync()), records.Count - 1);
        Assert.All(records, record => Assert.Equal(HistoryCsv.Header.Length, record.Count));
    }

    [Fact]
    public async Task Auditor_DownloadsTheRecommendationsCsv_NamedForTheDay_WithEveryRecommendation()
    {
        var file = await DownloadAsync(nameof(Auditor_DownloadsTheRecommendationsCsv_NamedForTheDay_WithEveryRecommendation),
            page => page.GetByRole(AriaRole.Link, new() { Name = "Export every recommendation" }).ClickAsync(),
            "jiu-recommendations", "csv");

        var records = CsvRecords.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal(RecommendationsCsv.Header, records[0]);
        Assert.Equal(await app.QueryAsync(db => db.Recommendations.CountAsync(r => r.WithdrawnAt == null)), records.Count - 1);
        Assert.Equal(ReportSymbols, records.Skip(1).Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>Signs in as the auditor, opens Exports from the menu, starts the download and saves it.</summary>
    private async Task<string> DownloadAsync(string journey, Func<IPage, Task> start, string stem, string extension)
    {
        await using var session = await app.SignedInAsync(DemoAccounts.Auditor);
        var page = session.Page;
        var path = Path.Combine(Journey.ArtifactsDirectory, "downloads", $"{journey}.{extension}");
        await Journey.RunAsync(page, journey, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Exports", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports", Level = 1 })).ToBeVisibleAsync();
            var exports = new List<string>();
            page.Response += (_, response) =>
            {
                if (response.Url.Contains("/export/", StringComparison.Ordinal))
                {
                    exports.Add($"{response.Request.Method} {new Uri(response.Url).PathAndQuery} answered {response.Status}");
                }
            };
            var before = Today();
            IDownload download;
            try
            {
                download = await page.RunAndWaitForDownloadAsync(() => start(page));
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"No {extension} file was downloaded: {(exports.Count == 0 ? "no export was requested" : string.Join("; ", exports))}.");
            }

            var after = Today();

            Assert.Null(await download.FailureAsync());
            Assert.Matches(new Regex($"^{stem}-({before}|{after})\\.{extension}$"), download.SuggestedFilename);
            await download.SaveAsAsync(path);
        });
        return path;
    }

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
