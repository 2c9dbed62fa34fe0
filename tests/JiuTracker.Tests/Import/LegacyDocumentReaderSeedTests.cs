using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>Reads the real "Action required" document of 2020-2021, irregularities included.</summary>
public class LegacyDocumentReaderSeedTests
{
    private const string Rep2021N3 = "JIU/REP/2021/3";
    private const string Rep2021N2 = "JIU/REP/2021/2";
    private const string Rep2020N8 = "JIU/REP/2020/8";
    private const string Rep2020N7 = "JIU/REP/2020/7";

    // The comments as the document gives them, with the hard wraps inside their sentences joined (decision 036).
    // Expected line feeds stay line feeds even where a checkout turns the source file to CRLF.
    private static readonly string CommentOn2020N8R4 = """
        UN inter-agency mechanisms should facilitate exchange of and access to materials, best practices and trainings from front runners and subject-matter expert agencies.
        Procurement activities /policies should for example also integrate environmental performance considerations of ICT equipment, from planning and buying, to use and maintenance to disposal of e-waste (also related to Recommendation 9).

        ITU is working on the following:
        - Procurement criteria for sustainable data centres (Recommendation ITU-T L.1304) and other recommendations relevant for green procurement
        - Procurement practices for smart sustainable cities which will also deal with e-waste
        """.ReplaceLineEndings("\n");

    private const string CommentOn2020N8R7 =
        "Although ITU strives to be a paperless organisation, a major issue regarding fully paperless events derives from interpretation as the quality of the service might be impacted. A joint approach by UN organizations would be welcome to work with AIIC (Agency for interpreters) in order to find paper-smart/paperless solutions for interpretation services.";

    private static readonly string CommentOn2020N8R9 = """
        ITU could support other agencies with reaching this recommendation for example by using ITU standards and best practices (e.g. Recommendation ITU-T L.1470, L.1304, L.1310, etc), as well as by working with SUN and/or REACT to develop procurement guidelines and policies for ICT equipment to help UN bodies to integrate environmental performance considerations into procurement activities, from planning and buying, to use and maintenance to disposal.
        The targets set by the ITU Connect 2030 Agenda could also be incorporated in UN guidelines, along with the Paris Agreement.
        """.ReplaceLineEndings("\n");

    private const string CommentOn2020N7R5 =
        "ITU is offering its support for the implementation of this recommendation. ITU looks forward to collaborating with the United Nations representative in charge of digital technologies on efforts related to blockchain interoperability.";

    private const string Workplan = "In the workplan for 2022 onward";

    private static readonly LegacyDocument Seed = TestDocuments.ReadSucceeding(TestDocuments.SeedText());

    /// <summary>Every row of the seed: report, number, line, acceptance, implementation, comment — read by hand from the document.</summary>
    public static TheoryData<string, int, int, Acceptance?, ImplementationStatus?, string?> SeedRows => new()
    {
        { Rep2021N3, 1, 57, Acceptance.Accepted, ImplementationStatus.NotStarted, Workplan },
        { Rep2021N3, 2, 68, Acceptance.Accepted, ImplementationStatus.NotStarted, Workplan },
        { Rep2021N2, 1, 104, Acceptance.Accepted, ImplementationStatus.Implemented, null },
        { Rep2021N2, 3, 114, Acceptance.Accepted, ImplementationStatus.Implemented, null },
        { Rep2021N2, 7, 124, Acceptance.Accepted, ImplementationStatus.Implemented, null },
        { Rep2020N8, 1, 155, Acceptance.Accepted, ImplementationStatus.Implemented, null },
        { Rep2020N8, 2, 165, Acceptance.Accepted, ImplementationStatus.Implemented, null },
        { Rep2020N8, 3, 175, Acceptance.Accepted, ImplementationStatus.InProgress, null },
        { Rep2020N8, 4, 185, Acceptance.Accepted, ImplementationStatus.InProgress, CommentOn2020N8R4 },
        { Rep2020N8, 5, 204, Acceptance.Accepted, ImplementationStatus.InProgress, "ITU would welcome a UN wide HR sustainability strategy" },
        { Rep2020N8, 6, 214, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
        { Rep2020N8, 7, 224, null, ImplementationStatus.Implemented, CommentOn2020N8R7 },
        { Rep2020N8, 8, 235, null, ImplementationStatus.Implemented, null },
        { Rep2020N8, 9, 245, Acceptance.Accepted, ImplementationStatus.InProgress, CommentOn2020N8R9 },
        { Rep2020N8, 10, 260, Acceptance.Accepted, ImplementationStatus.InProgress, null },
        { Rep2020N7, 1, 290, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
        { Rep2020N7, 2, 300, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
        { Rep2020N7, 3, 310, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
        { Rep2020N7, 4, 320, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
        { Rep2020N7, 5, 330, null, null, CommentOn2020N7R5 },
        { Rep2020N7, 6, 339, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
        { Rep2020N7, 7, 349, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
        { Rep2020N7, 8, 359, Acceptance.Accepted, ImplementationStatus.NotStarted, null },
    };

    [Fact]
    public void Read_Seed_FindsFourReportsInSectionOrderWithTitlesAndHeadingLines()
    {
        var reports = Seed.Reports.Select(report => (report.Symbol.ToString(), report.Title, report.Line));

        Assert.Equal(
            [
                (Rep2021N3, "Cybersecurity in the United Nations system organizations", 34),
                (Rep2021N2, "Review of United Nations system support for landlocked developing countries to implement the Vienna Programme of Action", 81),
                (Rep2020N8, "Review of mainstreaming environmental sustainability across organizations of the United Nations system", 132),
                (Rep2020N7, "Blockchain applications in the United Nations system: towards a state of readiness", 267),
            ],
            reports);
    }

    [Fact]
    public void Read_Seed_FindsTwentyThreeRecommendationsNumberedAsInTheDocument()
    {
        var numbers = Seed.Reports.Select(report => report.Recommendations.Select(recommendation => recommendation.Number).ToArray()).ToArray();

        Assert.Equal([[1, 2], [1, 3, 7], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8]], numbers);
        Assert.Equal(23, numbers.Sum(report => report.Length));
    }

    [Theory]
    [MemberData(nameof(SeedRows))]
    public void Read_Seed_ReadsEveryRowAsWritten(string symbol, int number, int line, Acceptance? acceptance, ImplementationStatus? implementation, string? comment)
    {
        var recommendation = RecommendationOf(symbol, number);

        Assert.Equal(line, recommendation.Line);
        Assert.Equal(acceptance, recommendation.Acceptance);
        Assert.Equal(implementation, recommendation.Implementation);
        Assert.Equal(comment, recommendation.Comment);
    }

    [Fact]
    public void Read_Seed_TakesFocalPointsFromTableOne()
    {
        var focalPoints = Seed.Reports.Select(report => report.FocalPoints.ToArray()).ToArray();

        Assert.Equal(
            [
                [new("Mr.", "Anders Norsker", "GS/IS"), new("Mr.", "Preetam Maloor", "GS/SPM")],
                [new("Mr.", "Cosmas Zavazava", "BDT")],
                [new("Ms.", "Robin Zuercher", "SPD/GS")],
                [new LegacyFocalPoint("Mr.", "Martin Adolph", "TSB")],
            ],
            focalPoints);
    }

    [Fact]
    public void Read_Seed_CebCommentsAreNotYetAvailableFor2021AndAvailableFor2020()
    {
        Assert.Equal(
            [CebCommentsStatus.NotYetAvailable, CebCommentsStatus.NotYetAvailable, CebCommentsStatus.Available, CebCommentsStatus.Available],
            Seed.Reports.Select(report => report.CebComments));
    }

    [Fact]
    public void Read_Seed_RecommendationWithoutColonKeepsItsText()
    {
        var recommendation = RecommendationOf(Rep2020N8, 9);

        Assert.StartsWith("The executive heads of organizations of the United Nations system should ensure", recommendation.Text, StringComparison.Ordinal);
        Assert.EndsWith("Paris agreement.", recommendation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Seed_RecommendationTextHasNoPrefixAndNoTrailingBlankLines()
    {
        var recommendation = RecommendationOf(Rep2021N3, 1);

        Assert.StartsWith("The executive heads of the United Nations system organizations should prepare", recommendation.Text, StringComparison.Ordinal);
        Assert.EndsWith("examined in the present report.", recommendation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Seed_InformationOnlyRowKeepsItsNoteAndComment()
    {
        var recommendation = RecommendationOf(Rep2020N7, 5);

        Assert.Equal("For information only. Recommendation is addressed to the UN Secretary-\nGeneral", recommendation.InformationOnlyNote);
        Assert.StartsWith("ITU is offering its support", recommendation.Comment, StringComparison.Ordinal);
        Assert.Null(recommendation.Acceptance);
        Assert.Null(recommendation.Implementation);
    }

    [Fact]
    public void Read_Seed_OnlyTheInformationOnlyRowHasANote()
    {
        var withNote = Seed.Reports.SelectMany(report => report.Recommendations.Where(recommendation => recommendation.InformationOnlyNote is not null)
            .Select(recommendation => (report.Symbol.ToString(), recommendation.Number)));

        Assert.Equal([(Rep2020N7, 5)], withNote);
    }

    [Fact]
    public void Read_Seed_CommentsSpanningLines_KeepTheirLineStartsWithLineFeeds_AndJoinTheirWraps()
    {
        var comment = RecommendationOf(Rep2020N8, 4).Comment;

        Assert.NotNull(comment);
        Assert.StartsWith("UN inter-agency mechanisms", comment, StringComparison.Ordinal);
        Assert.EndsWith("Procurement practices for smart sustainable cities which will also deal with e-waste", comment, StringComparison.Ordinal);
        Assert.Contains("Recommendation 9).\n\nITU is working on the following:\n- Procurement criteria", comment, StringComparison.Ordinal);
        Assert.Contains("trainings from front runners", comment, StringComparison.Ordinal);
        Assert.Contains("other recommendations relevant for green procurement\n- Procurement practices", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeedThroughTextReader_ReadsTheSameDocument()
    {
        using var reader = new StringReader(TestDocuments.SeedText());

        var result = LegacyDocumentReader.Read(reader);

        Assert.True(result.Succeeded);
        Assert.Equal(23, result.Document!.Reports.Sum(report => report.Recommendations.Count));
    }

    private static LegacyRecommendation RecommendationOf(string symbol, int number) => Seed.Recommendation(symbol, number);
}
