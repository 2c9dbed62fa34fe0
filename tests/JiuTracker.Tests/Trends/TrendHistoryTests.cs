using System.Globalization;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Trends;

/// <summary>
/// The rates at the end of each quarter on a report whose history is written by hand (registrations, statuses, a claim
/// validated later, a withdrawal, all dated in 2022 and 2023): each quarter's figures are the hand-counted ones, and each
/// equals the number of rows of its CSV as of that day, which is rebuilt from the history by the exports.
/// </summary>
public class TrendHistoryTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IAsyncLifetime
{
    private const string Symbol = "JIU/REP/2021/9";

    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.Reports.AnyAsync(r => r.Symbol == Symbol))
        {
            return;
        }

        var report = new Report(ParsedSymbol(), "A report whose history is written by hand");
        foreach (var number in new[] { 1, 2, 3, 4 })
        {
            report.AddRecommendation(number, $"The executive heads should do thing {number}.", Addressee.ExecutiveHeads, null);
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync();
        var ids = report.Recommendations.ToDictionary(r => r.Number, r => r.Id);
        await Register(ids[1], On(2022, 1, 10));
        await Register(ids[2], On(2022, 1, 10));
        await Register(ids[3], On(2022, 1, 10));
        await Register(ids[4], On(2023, 5, 1));

        var recommendations = await db.Recommendations.Include(r => r.Evidence).ThenInclude(e => e.Withdrawal)
            .Where(r => r.ReportId == report.Id).ToDictionaryAsync(r => r.Number);
        const ClosureValidation validated = ClosureValidation.Required;
        recommendations[1].UpdateStatus(Acceptance.Accepted, ImplementationStatus.NotStarted, Stamp(On(2022, 2, 1)), validated);
        recommendations[1].UpdateStatus(Acceptance.Accepted, ImplementationStatus.InProgress, Stamp(On(2022, 8, 1)), validated);
        recommendations[1].UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, Stamp(On(2022, 12, 15)), validated);
        recommendations[1].AcceptClaim("Seen the policy as adopted.", new ChangeStamp(DemoAccounts.Coordinator, On(2023, 2, 1)));
        recommendations[2].UpdateStatus(Acceptance.NotAccepted, null, Stamp(On(2022, 5, 1)), validated);
        recommendations[2].Withdraw("Registered twice.", new ChangeStamp(DemoAccounts.Admin, On(2023, 3, 1)));
        recommendations[3].UpdateStatus(Acceptance.UnderConsideration, null, Stamp(On(2022, 2, 15)), validated);
        recommendations[3].UpdateStatus(Acceptance.Accepted, null, Stamp(On(2022, 11, 1)), validated);
        recommendations[4].UpdateStatus(Acceptance.Accepted, ImplementationStatus.NotStarted, Stamp(On(2023, 6, 1)), validated);
        await db.SaveChangesAsync();

        static ChangeStamp Stamp(DateTimeOffset at) => new(DemoAccounts.AndersNorsker, at);

        // Registration times are the app's clock at the save; a register of long standing has earlier ones.
        Task Register(int id, DateTimeOffset at) =>
            db.Recommendations.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RegisteredAt, at));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ReportSymbol ParsedSymbol() => ReportSymbol.TryParse(Symbol, out var symbol) ? symbol : throw new InvalidOperationException(Symbol);

    [Fact]
    public async Task EachQuarter_HasTheHandCountedFigures_AndEachNumberIsTheRowCountOfItsCsvAsOfThatDay()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await (await client.GetAsync($"/Dashboard/Trends?report={Uri.EscapeDataString(Symbol)}&trendFrom=2022&trendTo=2023")).ReadDocumentAsync();

        // Day: accepted, with a decision, accepted and implemented, in force; then the two rates as shown.
        var expected = new Dictionary<string, (int Accepted, int Decided, int Implemented, int InForce, string Acceptance, string Implementation)>
        {
            ["2022-03-31"] = (1, 2, 0, 3, "50.0 %", "0.0 %"),
            ["2022-06-30"] = (1, 3, 0, 3, "33.3 %", "0.0 %"),
            ["2022-09-30"] = (1, 3, 0, 3, "33.3 %", "0.0 %"),
            ["2022-12-31"] = (2, 3, 0, 3, "66.7 %", "0.0 %"), // recommendation 1 claimed, not yet validated
            ["2023-03-31"] = (2, 2, 1, 2, "100.0 %", "50.0 %"), // recommendation 2 withdrawn
            ["2023-06-30"] = (3, 3, 1, 3, "100.0 %", "33.3 %"), // recommendation 4 registered and accepted
            ["2023-09-30"] = (3, 3, 1, 3, "100.0 %", "33.3 %"),
            ["2023-12-31"] = (3, 3, 1, 3, "100.0 %", "33.3 %"),
        };
        var rows = page.QuerySelectorAll("#trend tbody tr").ToList();
        Assert.Equal(expected.Keys, rows.Select(r => r.GetAttribute("data-day")));

        // The changes the first quarter is rebuilt from: recommendation 1's acceptance and implementation, 3's acceptance.
        var history = await client.GetStringAsync(rows[0].QuerySelector("td:last-child a")!.GetAttribute("href"));
        Assert.Equal(3, CsvText.DataRows(history));
        foreach (var row in rows)
        {
            var day = row.GetAttribute("data-day")!;
            var cells = row.QuerySelectorAll("td").Take(7).Select(c => c.TextContent.Trim()).ToList();
            var (accepted, decided, implemented, inForce, acceptanceRate, implementationRate) = expected[day];
            Assert.Equal([day, acceptanceRate, accepted.ToString(CultureInfo.InvariantCulture), decided.ToString(CultureInfo.InvariantCulture),
                implementationRate, implemented.ToString(CultureInfo.InvariantCulture), inForce.ToString(CultureInfo.InvariantCulture)], cells);

            foreach (var link in row.QuerySelectorAll("td[data-figure] a"))
            {
                var csv = await client.GetStringAsync(link.GetAttribute("href"));
                var csvRows = CsvText.DataRows(csv);
                Assert.True(int.Parse(link.TextContent, CultureInfo.InvariantCulture) == csvRows,
                    $"{day}, {link.ParentElement!.GetAttribute("data-figure")}: the page says {link.TextContent}, its CSV as of the day has {csvRows} rows.");
            }
        }
    }

    [Fact]
    public async Task TheWorkbookSummary_HasTheSameRatesAtTheEndOfEachQuarter_UpToItsAsOfDay()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        await using var stream = await client.GetStreamAsync($"/export/jiu-status.xlsx?report={Uri.EscapeDataString(Symbol)}&asOf=2023-08-15");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        using var workbook = new Export.WorkbookFile(buffer);

        var rows = Export.WorkbookFile.Rows(workbook.Sheet("Summary"));
        var trend = rows.SkipWhile(r => Export.WorkbookFile.Text(r.GetValueOrDefault("A")) != "Period").Skip(1)
            .ToDictionary(r => Export.WorkbookFile.Text(r["A"]), r => (
                Acceptance: Export.WorkbookFile.Number(r["B"]), Implementation: Export.WorkbookFile.Number(r["D"]), InForce: Export.WorkbookFile.Number(r["E"]),
                Words: Export.WorkbookFile.Text(r["C"])));
        Assert.Equal(["2022 Q1", "2022 Q2", "2022 Q3", "2022 Q4", "2023 Q1", "2023 Q2", "2023 Q3 (to date)"], trend.Keys);
        Assert.Equal((0.5, 0.0, 3.0), (trend["2022 Q1"].Acceptance, trend["2022 Q1"].Implementation, trend["2022 Q1"].InForce));
        Assert.Equal((1.0, 0.5, 2.0), (trend["2023 Q1"].Acceptance, trend["2023 Q1"].Implementation, trend["2023 Q1"].InForce));
        Assert.Equal("2023-08-15: 3 accepted of 3 with a recorded decision; 1 implemented of 3 accepted.", trend["2023 Q3 (to date)"].Words);
    }
}
