using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Dashboard;

/// <summary>The seed's figures, counted by hand from the document (today being after 2022, so every deadline has passed).</summary>
public class DashboardFiguresTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private async Task<DashboardPage> OpenAsync(string query = "", string account = DemoAccounts.Management) =>
        await DashboardPage.OpenAsync(await app.SignedInClientAsync(account), query);

    [Fact]
    public async Task Dashboard_OnTheSeed_ShowsTheHandCheckedCounts()
    {
        var page = await OpenAsync();

        // 23 recommendations: 20 accepted; JIU/REP/2020/8 7 and 8 have no acceptance; JIU/REP/2020/7 5 is for information only.
        Assert.Equal(23, page.Figure("All"));
        Assert.Equal(20, page.Figure("Accepted"));
        Assert.Equal(0, page.Figure("NotAccepted"));
        Assert.Equal(0, page.Figure("NotRelevant"));
        Assert.Equal(0, page.Figure("UnderConsideration"));
        Assert.Equal(2, page.Figure("NoDecision"));
        Assert.Equal(1, page.Figure("InformationOnly"));
        // Not started: 2021/3 1-2, 2020/8 6, 2020/7 1-4 and 6-8; in progress: 2020/8 3, 4, 5, 9, 10;
        // implemented: 2021/2 1, 3, 7 and 2020/8 1, 2, 7, 8; not recorded: 2020/7 5.
        Assert.Equal(10, page.Figure("NotStarted"));
        Assert.Equal(5, page.Figure("InProgress"));
        Assert.Equal(7, page.Figure("Implemented"));
        Assert.Equal(1, page.Figure("ImplementationNotRecorded"));
        Assert.Equal(10, page.Figure("AcceptedNotStarted"));
        // Deadlines ended in 2021-2022; not implemented: 2021/3 1, 2020/8 3, 4, 5, 6, 9, 10, 2020/7 3, 8 (2020/7 5 is for information only).
        Assert.Equal(9, page.Figure("Overdue"));
        Assert.Equal(2, page.Figure("DataQualityWarning"));
        // The seed's statuses are dated 31 December 2021, the day it states (decision 034), years before today: each of
        // the 15 not implemented (10 not started, 5 in progress; 2020/7 5 is for information only) has had no update since.
        Assert.Equal(15, page.Figure("NoRecentUpdate"));
    }

    [Fact]
    public async Task Dashboard_OnTheSeed_ShowsBothRatesWithNumeratorAndDenominator()
    {
        var page = await OpenAsync();

        // Acceptance: 20 accepted ÷ 20 with a decision other than Not relevant. Implementation: 5 accepted and
        // implemented (2021/2 1, 3, 7; 2020/8 1, 2) ÷ 20 accepted; 2020/8 7 and 8 are implemented but not accepted.
        var acceptance = page.CardText("Acceptance rate");
        Assert.Contains("100.0 %", acceptance, StringComparison.Ordinal);
        Assert.Contains("20 accepted of 20 with a recorded decision", acceptance, StringComparison.Ordinal);
        var implementation = page.CardText("Implementation rate");
        Assert.Contains("25.0 %", implementation, StringComparison.Ordinal);
        Assert.Contains("5 implemented of 20 accepted", implementation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_BreaksDownPerReportYearAddresseeUnitAndFocalPoint()
    {
        var page = await OpenAsync();

        // Columns: recommendations, accepted, acceptance rate, implementation rate, no decision, accepted not started, overdue.
        var reports = page.Breakdown("Per report");
        Assert.Equal(["2", "2", "100.0 % (2 of 2)", "0.0 % (0 of 2)", "0", "2", "1"], reports["JIU/REP/2021/3"]);
        Assert.Equal(["3", "3", "100.0 % (3 of 3)", "100.0 % (3 of 3)", "0", "0", "0"], reports["JIU/REP/2021/2"]);
        Assert.Equal(["10", "8", "100.0 % (8 of 8)", "25.0 % (2 of 8)", "2", "1", "6"], reports["JIU/REP/2020/8"]);
        Assert.Equal(["8", "7", "100.0 % (7 of 7)", "0.0 % (0 of 7)", "0", "7", "2"], reports["JIU/REP/2020/7"]);

        var years = page.Breakdown("Per report year");
        Assert.Equal(["5", "5", "100.0 % (5 of 5)", "60.0 % (3 of 5)", "0", "2", "1"], years["2021"]);
        Assert.Equal(["18", "15", "100.0 % (15 of 15)", "13.3 % (2 of 15)", "2", "8", "8"], years["2020"]);

        var addressees = page.Breakdown("Per addressee");
        Assert.Equal(["17", "15", "100.0 % (15 of 15)", "20.0 % (3 of 15)", "2", "7", "9"], addressees["Executive heads"]);
        Assert.Equal(["5", "5", "100.0 % (5 of 5)", "40.0 % (2 of 5)", "0", "3", "0"], addressees["Legislative/governing bodies"]);
        Assert.Equal(["1", "0", "n/a (0 of 0)", "n/a (0 of 0)", "0", "0", "0"], addressees["Other"]);

        var units = page.Breakdown("Per unit");
        Assert.Equal(["BDT", "GS/IS", "GS/SPM", "SPD/GS", "TSB"], units.Keys);
        Assert.Equal("2", units["GS/SPM"][0]);
        var people = page.Breakdown("Per focal point");
        Assert.Equal("10", people["Robin Zuercher (SPD/GS)"][0]);
    }

    [Theory]
    [InlineData("?from=2020&to=2020", 18)]
    [InlineData("?addressee=legislative-bodies", 5)]
    [InlineData("?from=2020&to=2020&addressee=legislative-bodies", 3)]
    [InlineData("?from=2020&to=2020&addressee=legislative-bodies&unit=TSB", 2)]
    [InlineData("?report=JIU/REP/2021/3&unit=GS/SPM", 2)]
    [InlineData("?report=JIU/REP/2021/3&unit=BDT", 0)]
    [InlineData("?from=2021", 5)]
    public async Task Filters_Combine(string query, int expected)
    {
        var page = await OpenAsync(query);

        Assert.Equal(expected, page.Figure("All"));
    }

    [Fact]
    public async Task MyReports_ForAFocalPoint_CountsOnlyTheirReports()
    {
        var page = await OpenAsync("?mine=true", DemoAccounts.AndersNorsker);

        Assert.Equal(2, page.Figure("All"));
        Assert.Equal(["JIU/REP/2021/3"], page.Breakdown("Per report").Keys);
    }

    [Theory]
    [InlineData("?from=2022&to=2020", "The year range runs backwards")]
    [InlineData("?addressee=ministers", "Unknown addressee \"ministers\"")]
    [InlineData("?report=REP-2021-3", "is not a report symbol")]
    [InlineData("?from=twenty", "From year: \"twenty\" is not a whole number.")]
    public async Task Dashboard_WithAFilterThatCannotBeUsed_SaysWhatIsWrong_AndShowsNoFigures(string query, string message)
    {
        var page = await OpenAsync(query);

        Assert.Contains(message, page.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#figures"));
    }

    [Theory]
    [InlineData(DemoAccounts.Admin)]
    [InlineData(DemoAccounts.Auditor)]
    [InlineData(DemoAccounts.CosmasZavazava)]
    public async Task EveryRole_SeesTheDashboard(string account)
    {
        var response = await (await app.SignedInClientAsync(account)).GetAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
