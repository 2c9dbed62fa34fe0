using JiuTracker.Web.Trends;

namespace JiuTracker.Tests.Trends;

public class DurationSummaryTests
{
    [Fact]
    public void MedianAndNinetiethPercentile_AreTakenByNearestRank()
    {
        var summary = DurationSummary.Of([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);

        Assert.Equal(new DurationSummary(10, 5, 9), summary);
    }

    [Fact]
    public void OneTime_IsItsOwnMedianAndPercentile_AndNoTimeGivesNone()
    {
        Assert.Equal(new DurationSummary(1, 24, 24), DurationSummary.Of([24]));
        Assert.Equal(new DurationSummary(0, null, null), DurationSummary.Of([]));
    }
}
