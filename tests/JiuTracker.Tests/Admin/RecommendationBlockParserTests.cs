using JiuTracker.Web.Domain;
using JiuTracker.Web.Import.Reading;

namespace JiuTracker.Tests.Admin;

/// <summary>The paste parser on blocks as they come out of JIU reports (texts from the seed document).</summary>
public class RecommendationBlockParserTests
{
    private const string Landlocked = """
        Recommendation 1: The executive heads of United Nations system organizations should designate, if they have not already done so, by the end of 2022, an organizational focal point on landlocked developing countries with clear terms of reference.

        Recommendation 3: The executive heads of United Nations system organizations should develop, by the end of 2022, a clear results framework for support for landlocked developing countries, including linkages among the outcomes to be achieved, the main outputs strategy and core activities.

        Recommendation 7: The legislative organs and governing bodies of United Nations system organizations should issue directives, if they have not already done so, by the end of 2022, for their organizations to mainstream the priorities of the programme of action for landlocked developing countries.
        """;

    [Fact]
    public void Parse_NonContiguousNumbers_KeepsEachNumber_AddresseeAndDeadline()
    {
        var block = RecommendationBlockParser.Parse(Landlocked);

        Assert.Equal([1, 3, 7], block.Recommendations.Select(r => r.Number));
        Assert.Equal([Addressee.ExecutiveHeads, Addressee.ExecutiveHeads, Addressee.LegislativeBodies], block.Recommendations.Select(r => r.Addressee));
        Assert.All(block.Recommendations, r => Assert.Equal(2022, r.DeadlineYear));
        Assert.StartsWith("The executive heads of United Nations system organizations should develop", block.Recommendations[1].Text, StringComparison.Ordinal);
        Assert.Equal([1, 3, 5], block.Recommendations.Select(r => r.Line));
        Assert.Empty(block.IgnoredLines);
    }

    [Fact]
    public void Parse_MissingColon_StillStartsARecommendation()
    {
        var block = RecommendationBlockParser.Parse("""
            Recommendation 8: The executive heads of the United Nations system organizations that have not yet done so should, by the end of 2022, task the relevant offices.
            Recommendation 9 The executive heads of organizations of the United Nations system should ensure that, by the end of 2022, information and communications technology services' actions comply with environmental sustainability considerations.
            """);

        Assert.Equal([8, 9], block.Recommendations.Select(r => r.Number));
        Assert.StartsWith("The executive heads of organizations of the United Nations system should ensure", block.Recommendations[1].Text, StringComparison.Ordinal);
        Assert.Equal(2022, block.Recommendations[1].DeadlineYear);
    }

    [Fact]
    public void Parse_TextBrokenOverLines_JoinsItIntoOneParagraph_AndAReferenceToARecommendationDoesNotStartOne()
    {
        var block = RecommendationBlockParser.Parse("""
            Recommendation 2:
            The legislative organs and governing bodies of the United Nations system organizations that have not yet done so
            should, by the end of 2022, direct the executive heads to embed environmental sustainability (see
            Recommendation 9). into the management of their organizations.
            RECOMMENDATION 4. The executive heads should act.
            """);

        Assert.Equal([2, 4], block.Recommendations.Select(r => r.Number));
        Assert.Equal(
            "The legislative organs and governing bodies of the United Nations system organizations that have not yet done so should, by the end of 2022, " +
            "direct the executive heads to embed environmental sustainability (see Recommendation 9). into the management of their organizations.",
            block.Recommendations[0].Text);
        Assert.Equal(Addressee.LegislativeBodies, block.Recommendations[0].Addressee);
    }

    [Theory]
    [InlineData("should prepare, as a matter of priority and no later than 2022, a comprehensive report", 2022)]
    [InlineData("should assign, by the end of 2021, to a United Nations representative", 2021)]
    [InlineData("should endorse the Principles for Digital Development by the end of 2022, as a first step", 2022)]
    [InlineData("should adopt a policy by 31 December 2023.", 2023)]
    [InlineData("should report by end-2024 to their governing bodies.", 2024)]
    [InlineData("should report by mid-2025 to their governing bodies.", 2025)]
    [InlineData("should act before the end of 2023.", 2023)]
    [InlineData("should present it at the latest by 2026.", 2026)]
    [InlineData("should make sure that the examination of possible blockchain use cases will be based on assessments", null)]
    public void Parse_DeadlinesWrittenSeveralWays_AreRead(string wording, int? year)
    {
        var block = RecommendationBlockParser.Parse($"Recommendation 5: The executive heads {wording}");

        Assert.Equal(year, Assert.Single(block.Recommendations).DeadlineYear);
    }

    [Fact]
    public void Parse_AddressedToSomeoneElse_IsOther()
    {
        var block = RecommendationBlockParser.Parse(
            "Recommendation 5: The Secretary-General, in consultation with the executive heads of the United Nations system organizations, should assign, by the end of 2021, to a United Nations representative the task.");

        var recommendation = Assert.Single(block.Recommendations);
        Assert.Equal((Addressee.Other, (int?)2021), (recommendation.Addressee, recommendation.DeadlineYear));
    }

    [Fact]
    public void Parse_LinesBeforeTheFirstRecommendation_AreReportedAsNotKept()
    {
        var block = RecommendationBlockParser.Parse("Recommendations\n\nRecommendation 1: The executive heads should act by 2023.");

        Assert.Equal(new BlockLine(1, "Recommendations"), Assert.Single(block.IgnoredLines));
        Assert.Single(block.Recommendations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("The executive heads should act by 2023.")]
    [InlineData("Recommendation one: the executive heads should act.")]
    public void Parse_WithoutANumberedRecommendation_FindsNone(string text) =>
        Assert.Empty(RecommendationBlockParser.Parse(text).Recommendations);
}
