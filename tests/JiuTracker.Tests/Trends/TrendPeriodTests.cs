using JiuTracker.Web.Trends;

namespace JiuTracker.Tests.Trends;

public class TrendPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void ByDefault_TheLastFiveYearsByQuarter_EndWithToday()
    {
        var ends = new TrendPeriod().Ends(Today);

        Assert.Equal(20, ends.Count);
        Assert.Equal(("2022 Q1", new DateOnly(2022, 3, 31), false), (ends[0].Label, ends[0].Day, ends[0].IsToDate));
        Assert.Equal(("2026 Q3", new DateOnly(2026, 9, 30), false), (ends[^2].Label, ends[^2].Day, ends[^2].IsToDate));
        Assert.Equal(("2026 Q4", Today, true), (ends[^1].Label, ends[^1].Day, ends[^1].IsToDate));
        Assert.Equal([3, 6, 9, 12], ends.Take(4).Select(e => e.Day.Month));
    }

    [Fact]
    public void ByYear_TakesTheLastDayOfEachYear()
    {
        var ends = new TrendPeriod { TrendFrom = 2023, TrendTo = 2025, Interval = "year" }.Ends(Today);

        Assert.Equal([new DateOnly(2023, 12, 31), new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31)], ends.Select(e => e.Day));
        Assert.Equal(["2023", "2024", "2025"], ends.Select(e => e.Label));
        Assert.All(ends, e => Assert.False(e.IsToDate));
    }

    [Fact]
    public void TheLastDayOfAQuarter_IsItsOwnEnd_NotToDate()
    {
        var ends = new TrendPeriod { TrendFrom = 2026 }.Ends(new DateOnly(2026, 6, 30));

        Assert.Equal([new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 30)], ends.Select(e => e.Day));
        Assert.True(ends[^1].IsToDate);
    }

    [Fact]
    public void ACutoff_IsTheNextMidnightUtc()
    {
        var end = new PeriodEnd("2025 Q4", new DateOnly(2025, 12, 31), false);

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), end.Cutoff);
    }

    [Theory]
    [InlineData(1989, null, null, "trendFrom", "Trend from year: the year must be from 1990 to 2026, not 1989.")]
    [InlineData(null, 2027, null, "trendTo", "Trend to year: the year must be from 1990 to 2026, not 2027.")]
    [InlineData(2025, 2024, null, "trendFrom", "The trend's years run backwards: from 2025 to 2024.")]
    [InlineData(null, null, "month", "interval", "At the end of each: use quarter or year, not \"month\".")]
    public void ValuesThatCannotBeUsed_AreRefusedSayingWhy(int? from, int? to, string? interval, string parameter, string message)
    {
        var problems = new TrendPeriod { TrendFrom = from, TrendTo = to, Interval = interval }.Problems(Today);

        Assert.Equal([(parameter, message)], problems);
    }

    [Fact]
    public void TheDefaults_AreUsable()
    {
        Assert.Empty(new TrendPeriod().Problems(Today));
        Assert.Empty(new TrendPeriod { TrendFrom = 1990, TrendTo = 2026, Interval = "YEAR" }.Problems(Today));
    }
}
