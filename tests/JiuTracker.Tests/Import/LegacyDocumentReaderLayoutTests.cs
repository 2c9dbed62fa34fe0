using System.Text;
using System.Text.Json;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>Reads documents written in the seed's layout that exercise what the seed does not: every status column, several focal points, other organizations.</summary>
public class LegacyDocumentReaderLayoutTests
{
    private const string WhoDocument = "who-two-reports.txt";
    private const string Rep2023N1 = "JIU/REP/2023/1";
    private const string Note2022N2 = "JIU/NOTE/2022/2";

    private static readonly LegacyDocument Who = TestDocuments.ReadSucceeding(TestDocuments.Text(WhoDocument));

    public static TheoryData<string, int, Acceptance?, ImplementationStatus?> StatusRows => new()
    {
        { Rep2023N1, 1, Acceptance.Accepted, ImplementationStatus.NotStarted },
        { Rep2023N1, 2, Acceptance.NotAccepted, null },
        { Rep2023N1, 3, Acceptance.NotRelevant, null },
        { Rep2023N1, 4, Acceptance.UnderConsideration, ImplementationStatus.InProgress },
        { Note2022N2, 1, Acceptance.Accepted, ImplementationStatus.Implemented },
        { Note2022N2, 3, Acceptance.Accepted, ImplementationStatus.InProgress },
    };

    [Fact]
    public void Read_Minimal_FindsBothReports()
    {
        var document = TestDocuments.ReadSucceeding(TestDocuments.Text("minimal.txt"));

        Assert.Equal(["JIU/REP/2021/3", "JIU/REP/2020/7"], document.Reports.Select(report => report.Symbol.ToString()));
        Assert.Equal([2, 1], document.Reports.Select(report => report.Recommendations.Count));
    }

    [Fact]
    public void Read_WhoDocument_OrdersReportsAsTableTwoAndReadsNoteSymbols()
    {
        Assert.Equal(
            [(new ReportSymbol("REP", 2023, 1), 22), (new ReportSymbol("NOTE", 2022, 2), 80)],
            Who.Reports.Select(report => (report.Symbol, report.Line)));
    }

    [Fact]
    public void Read_WhoDocument_TakesTitleFromTableOneElseFromHeading()
    {
        Assert.Equal(["Review of business continuity management", "Review of the first note"], Who.Reports.Select(report => report.Title));
    }

    [Theory]
    [MemberData(nameof(StatusRows))]
    public void Read_WhoDocument_ReadsEveryStatusColumn(string symbol, int number, Acceptance? acceptance, ImplementationStatus? implementation)
    {
        var recommendation = RecommendationOf(symbol, number);

        Assert.Equal((acceptance, implementation), (recommendation.Acceptance, recommendation.Implementation));
    }

    [Fact]
    public void Read_WhoDocument_SplitsFocalPointsAtAndCommaAndSemicolon()
    {
        Assert.Equal(
            [
                new LegacyFocalPoint("Dr.", "Amina Diallo", "ADM/BCM"),
                new LegacyFocalPoint("Prof.", "Jan Novak", "LEG"),
                new LegacyFocalPoint("Ms.", "Li Wei", "ADM, IT"),
                new LegacyFocalPoint("", "Kofi Mensah", "FIN"),
            ],
            Who.Reports[0].FocalPoints);
        Assert.Equal([new LegacyFocalPoint("Mrs.", "Ana Costa", "OIOS")], Who.Reports[1].FocalPoints);
    }

    [Fact]
    public void Read_WhoDocument_KeepsBlankLineInsideMultiLineComment()
    {
        Assert.Equal(
            "Policy drafted.\nConsultations start in June.\n\nA second paragraph after a blank line.",
            RecommendationOf(Rep2023N1, 1).Comment);
    }

    [Fact]
    public void Read_WhoDocument_AcceptsColonFullStopAndHyphenAfterTheNumber()
    {
        Assert.Equal(
            [
                "The executive heads should adopt a policy by the end of 2023.",
                "The legislative organs and governing bodies should review the policy.",
                "The executive heads should test their plans yearly.",
                "The executive heads should train staff\nin business continuity.",
            ],
            Who.Reports[0].Recommendations.Select(recommendation => recommendation.Text));
    }

    [Fact]
    public void Read_WhoDocument_ReadsRowsWithMissingTrailingCells()
    {
        var shortRow = RecommendationOf(Rep2023N1, 3);

        Assert.Null(shortRow.Comment);
        Assert.Null(RecommendationOf(Note2022N2, 1).Comment);
        Assert.Equal("Not accepted by the governing body.", RecommendationOf(Rep2023N1, 2).Comment);
    }

    [Fact]
    public void Read_WhoDocument_ReadsCommentStartingWithRecommendationAsComment()
    {
        Assert.Equal("Recommendation accepted and under way.", RecommendationOf(Note2022N2, 3).Comment);
    }

    [Fact]
    public void Read_WhoDocument_StripsBookmarksInsideCellsAndHeadings()
    {
        Assert.Equal("The executive heads should publish the results.", RecommendationOf(Note2022N2, 1).Text);
    }

    [Fact]
    public void Read_WhoDocument_ReadsCebCommentsPerReport()
    {
        Assert.Equal([CebCommentsStatus.Available, CebCommentsStatus.NotYetAvailable], Who.Reports.Select(report => report.CebComments));
    }

    [Fact]
    public void Read_WhoDocument_ReadsMergedStatusCellAsInformationOnlyNote()
    {
        var recommendation = RecommendationOf(Note2022N2, 2);

        Assert.Equal("For information only.\nAddressed to the Secretary-General.", recommendation.InformationOnlyNote);
        Assert.Equal("WHO supports this.", recommendation.Comment);
        Assert.Equal((null, null), (recommendation.Acceptance, recommendation.Implementation));
    }

    [Fact]
    public void Read_WhoDocumentWithCrLfAndByteOrderMark_ReadsTheSameDocument()
    {
        var text = "\uFEFF" + TestDocuments.Text(WhoDocument).ReplaceLineEndings("\r\n");

        var document = TestDocuments.ReadSucceeding(text);

        Assert.Equal(JsonSerializer.Serialize(Who), JsonSerializer.Serialize(document));
    }

    [Fact]
    public void Read_Utf8StreamWithByteOrderMark_ReadsTheSameDocument()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestDocuments.Text(WhoDocument))).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);

        var result = LegacyDocumentReader.Read(reader);

        Assert.Equal(JsonSerializer.Serialize(Who), JsonSerializer.Serialize(result.Document));
    }

    private static LegacyRecommendation RecommendationOf(string symbol, int number) => Who.Recommendation(symbol, number);
}
