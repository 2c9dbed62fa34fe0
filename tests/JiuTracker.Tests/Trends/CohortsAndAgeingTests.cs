using System.Globalization;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Demo;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Trends;

/// <summary>
/// The reports of each year and the ageing of accepted recommendations: hand-checked on the seed (dated as of
/// 2021-12-31, the end of the period its title names), and on generated reports of 2000–2019 and 2022–2025 (the
/// seed's years left to it) against counts taken straight from the database.
/// </summary>
public class CohortsAndAgeingTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.Reports.AnyAsync(r => r.Year < 2020 || r.Year > 2021))
        {
            return;
        }

        var generator = new GeneratedData(seed: 7, DateTimeOffset.UtcNow);
        var people = generator.People(6).ToList();
        db.FocalPoints.AddRange(people);
        await db.SaveChangesAsync();
        foreach (var report in generator.Reports(0, 52, people).Where(r => r.Year < 2020 || r.Year > 2021))
        {
            db.Reports.Add(report);
            foreach (var recommendation in report.Recommendations)
            {
                db.Entry(recommendation).Property(r => r.RegisteredAt).CurrentValue = generator.RegisteredAt(report.Year);
            }
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OnTheSeed_EachYearsRatesAndTimes_AreTheHandCountedOnes()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync("/Dashboard/Trends?from=2020&to=2021");

        var rows = page.QuerySelectorAll("#cohorts tbody tr").ToDictionary(
            r => r.GetAttribute("data-year")!, r => r.QuerySelectorAll("td").Select(c => Normalized(c.TextContent)).ToArray());
        Assert.Equal(["2020", "2021"], rows.Keys);
        // 2020: JIU/REP/2020/8 (10) and 2020/7 (8, one for information only); imported on 2021-12-31, 730 days after 2020-01-01.
        Assert.Equal(["18", "100.0 % (15 of 15)", "13.3 % (2 of 15)", "24.0", "24.0 measured 15 of 15", "24.0", "24.0 measured 2 of 2"], rows["2020"]);
        // 2021: 364 days after 2021-01-01.
        Assert.Equal(["5", "100.0 % (5 of 5)", "60.0 % (3 of 5)", "12.0", "12.0 measured 5 of 5", "12.0", "12.0 measured 3 of 3"], rows["2021"]);
    }

    [Fact]
    public async Task OnTheSeed_EveryAcceptedRecommendationNotImplemented_IsLongOutstanding()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync("/Dashboard/Trends?from=2020&to=2021");

        // 13 of 2020 (15 accepted, 2 implemented) and 2 of 2021 (5 accepted, 3 implemented); both years are 5 or more years ago.
        Assert.Equal(["0", "0", "15"], page.QuerySelectorAll("#ageing td[data-band]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task OnTheSeed_TheQuartersBeforeItsDate_AreLeftOutInWords_AndItsDateHasItsStatuses()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync("/Dashboard/Trends?from=2020&to=2021&trendFrom=2021&trendTo=2022");

        Assert.Equal("No status recorded by the end of 2021-09-30: 2021 Q1 to 2021 Q3 counted no recommendation and are left out.",
            page.QuerySelector("#trend-left-out")!.TextContent);
        var first = page.QuerySelector("#trend tbody tr")!;
        Assert.Equal("2021-12-31", first.GetAttribute("data-day"));
        Assert.Equal(["2021-12-31", "100.0 %", "20", "20", "25.0 %", "5", "23"], first.QuerySelectorAll("td").Take(7).Select(c => c.TextContent.Trim()));
    }

    [Theory]
    [InlineData(2000, 2019)]
    [InlineData(2022, 2025)]
    public async Task OnGeneratedReports_TheAgeBandsAndEachYearsCounts_EqualTheDatabasesOwnCounts(int from, int to)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var year = DateTime.UtcNow.Year;
        var outstanding = await app.QueryAsync(db => db.Recommendations
            .Where(r => r.WithdrawnAt == null && r.Report.Year >= from && r.Report.Year <= to)
            .Where(r => r.Acceptance == Acceptance.Accepted && r.Implementation != ImplementationStatus.Implemented)
            .GroupBy(r => r.Report.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync());
        int Band(int fromAge, int? beforeAge) => outstanding.Where(o => year - o.Year >= fromAge && (beforeAge is null || year - o.Year < beforeAge)).Sum(o => o.Count);

        var page = await client.GetDocumentAsync($"/Dashboard/Trends?from={from}&to={to}");

        var expected = new[] { Band(0, 2), Band(2, 5), Band(5, null) };
        Assert.Equal(expected.Select(n => n.ToString(CultureInfo.InvariantCulture)), page.QuerySelectorAll("#ageing td[data-band]").Select(c => c.TextContent.Trim()));
        Assert.True(expected.Count(n => n > 0) >= (from < 2020 ? 1 : 2), $"too few bands with generated recommendations: {string.Join(", ", expected)}");

        var perYear = await app.QueryAsync(db => db.Recommendations
            .Where(r => r.WithdrawnAt == null && r.Report.Year >= from && r.Report.Year <= to)
            .GroupBy(r => r.Report.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Year.ToString(CultureInfo.InvariantCulture), g => g.Count));
        var shown = page.QuerySelectorAll("#cohorts tbody tr").ToDictionary(r => r.GetAttribute("data-year")!, r => int.Parse(r.QuerySelector("td")!.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(perYear.OrderBy(p => p.Key), shown.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task OnGeneratedReports_TheTimeToAcceptance_IsTheMedianOfTheHistorysOwnTimes()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var accepted = await app.QueryAsync(db => db.Recommendations
            .Where(r => r.WithdrawnAt == null && r.Report.Year == 2005 && r.Acceptance == Acceptance.Accepted)
            .Select(r => r.Id).ToListAsync());
        var entries = await app.QueryAsync(db => db.History
            .Where(h => accepted.Contains(h.RecommendationId) && h.Field == HistoryField.Acceptance && h.NewValue == "accepted")
            .Select(h => new { h.RecommendationId, h.ChangedAt }).ToListAsync());
        var months = entries.GroupBy(e => e.RecommendationId)
            .Select(g => (g.Max(e => e.ChangedAt) - new DateTimeOffset(2005, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalDays / 30.44).Order().ToList();
        Assert.True(months.Count >= 3, $"only {months.Count} accepted recommendations of 2005");
        var median = months[(int)Math.Ceiling(months.Count / 2.0) - 1];

        var page = await client.GetDocumentAsync("/Dashboard/Trends?from=2000&to=2019");

        var row = page.QuerySelector("#cohorts tr[data-year='2005']")!;
        Assert.Equal(median.ToString("0.0", CultureInfo.InvariantCulture), row.QuerySelector("td[data-time=acceptance-median]")!.TextContent.Trim());
        Assert.StartsWith($"measured {months.Count} of {accepted.Count}", Normalized(row.QuerySelector("td[data-time=acceptance-p90] span")!.TextContent), StringComparison.Ordinal);
    }

    private static string Normalized(string text) => System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"\s+", " ");
}
