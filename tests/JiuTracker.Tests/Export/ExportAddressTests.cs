using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Export;

/// <summary>What an export's address asks for: a report symbol no report has is refused by name, and each file has its own name.</summary>
public class ExportAddressTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData("/export/jiu-status.xlsx")]
    [InlineData("/export/action-required.docx")]
    [InlineData("/export/history.csv")]
    [InlineData("/export/recommendations.csv")]
    [InlineData("/export/update-workbook.xlsx")]
    public async Task Export_OfAReportThatDoesNotExist_IsRefused_NamingIt(string path)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await client.GetAsync($"{path}?report=jiu/rep/2099/1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("No report JIU/REP/2099/1.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Export_OfAReportThatExists_AndOneThatDoesNot_NamesOnlyTheMissingOne()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var response = await client.GetAsync("/export/jiu-status.xlsx?report=JIU/REP/2020/7&report=JIU/REP/2099/1");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("No report JIU/REP/2099/1.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("JIU/REP/2020/7", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/export/action-required.docx", "action-required", "docx")]
    [InlineData("/export/jiu-status.xlsx", "jiu-status", "xlsx")]
    [InlineData("/export/history.csv", "jiu-history", "csv")]
    public async Task Export_OfAReport_IsNamedForWhatItIs_AndItsDay(string path, string stem, string extension)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var response = await client.GetAsync($"{path}?report=JIU/REP/2020/7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{stem}-{DateTime.UtcNow:yyyy-MM-dd}.{extension}", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }
}
