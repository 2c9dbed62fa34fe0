using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Export;

/// <summary>The workbook as a user downloads it from <c>/export/jiu-status.xlsx</c>.</summary>
public class WorkbookEndpointTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task Workbook_Download_IsNamedWithItsDay_AndHoldsTheSheets()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var response = await client.GetAsync("/export/jiu-status.xlsx?from=2020&to=2020");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"jiu-status-{DateTime.UtcNow:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Summary", "REP-2020-8", "REP-2020-7", "Recommendations", "History"], sheets);
        var summary = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        Assert.Contains("Reports of 2020.", summary.Worksheet.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_WithAScopeThatCannotBeUsed_IsRefusedWithTheReason()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var response = await client.GetAsync("/export/jiu-status.xlsx?from=2021&to=2020");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("runs backwards", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
