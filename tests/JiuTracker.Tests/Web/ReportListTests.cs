using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Web;

public class ReportListTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private async Task<List<string[]>> RowsAsync(string url)
    {
        var page = await (await app.SignedInClientAsync(DemoAccounts.Management)).GetDocumentAsync(url);
        return page.QuerySelectorAll("tbody tr")
            .Select(row => row.QuerySelectorAll("th, td").Select(cell => cell.TextContent.Trim()).ToArray())
            .ToList();
    }

    [Fact]
    public async Task List_ShowsTable1_WithFocalPointsUnitsCebStatusAndCounts()
    {
        var rows = await RowsAsync("/Reports");

        Assert.Equal(["JIU/REP/2021/3", "JIU/REP/2021/2", "JIU/REP/2020/8", "JIU/REP/2020/7"], rows.Select(r => r[0]));
        Assert.Equal(
            ["JIU/REP/2021/3", "Cybersecurity in the United Nations system organizations", "2021",
             "Mr. Anders Norsker (GS/IS); Mr. Preetam Maloor (GS/SPM)", "Not yet available", "2", "2", "0"],
            rows[0]);
        // JIU/REP/2020/8: 10 recommendations, 8 recorded as accepted, 4 implemented (2 of them without acceptance).
        Assert.Equal(["Ms. Robin Zuercher (SPD/GS)", "Available", "10", "8", "4"], rows[2][3..]);
    }

    [Fact]
    public async Task List_FiltersByYear()
    {
        var rows = await RowsAsync("/Reports?year=2020");

        Assert.Equal(["JIU/REP/2020/8", "JIU/REP/2020/7"], rows.Select(r => r[0]));
    }

    [Theory]
    [InlineData("blockchain", new[] { "JIU/REP/2020/7" })]
    [InlineData("BDT", new[] { "JIU/REP/2021/2" })]
    [InlineData("paper smart", new[] { "JIU/REP/2020/8" })]
    [InlineData("e-waste", new[] { "JIU/REP/2020/8" })]
    [InlineData("Vienna", new[] { "JIU/REP/2021/2" })]
    [InlineData("no such words", new string[0])]
    [InlineData("%", new string[0])]
    public async Task List_SearchesSymbolsTitlesFocalPointsRecommendationsAndComments(string term, string[] expected)
    {
        var rows = await RowsAsync($"/Reports?q={Uri.EscapeDataString(term)}");

        Assert.Equal(expected, rows.Select(r => r[0]));
    }
}
