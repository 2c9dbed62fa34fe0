using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>Documents that cannot be read: no document comes back, and each error names its line, report and recommendation.</summary>
public class LegacyDocumentReaderErrorTests
{
    private const string Rep2021N3 = "JIU/REP/2021/3";
    private const string Rep2020N7 = "JIU/REP/2020/7";

    public static TheoryData<string, string> NotThisLayout => new()
    {
        { "", "empty" },
        { " \r\n\t\n ", "empty" },
        { "Table 1\0\0\0Table 2", "not plain text" },
        { "PK\u0003\u0004\u0014\u0006\u0008 Table 1 Table 2", "not plain text" },
        { "Dear colleagues,\nplease find the minutes attached.\n", "no \"Table 1\" line" },
        { "Action required\nTable 1\n\tJIU/REP/2021/3\n", "no \"Table 2\" line" },
    };

    [Theory]
    [MemberData(nameof(NotThisLayout))]
    public void Read_TextNotInThisLayout_ReportsOneErrorAtLineOne(string text, string expected)
    {
        var error = SingleError(LegacyDocumentReader.Read(text));

        Assert.Equal((1, null, null), (error.Line, error.ReportSymbol, error.RecommendationNumber));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TableTwoBeforeTableOne_ReportsTheTableTwoLine()
    {
        var error = SingleError(LegacyDocumentReader.Read("Action required\nTable 2\nTable 1\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("comes before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoAcceptanceMarks_ReportsSymbolNumberAndLine()
    {
        var error = SingleError(ReadDocument("error-two-acceptance-marks.txt"));

        Assert.Equal((18, Rep2021N3, 1), Place(error));
        Assert.Equal("two acceptance marks: Accept and Not accept", error.Message);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Read_TwoAcceptanceMarksWithOtherLineEndings_ReportsTheSameLine(string lineEnding)
    {
        var text = TestDocuments.Text("error-two-acceptance-marks.txt").ReplaceLineEndings(lineEnding);

        var error = SingleError(LegacyDocumentReader.Read(text));

        Assert.Equal((18, Rep2021N3, 1), Place(error));
    }

    [Fact]
    public void Read_TwoImplementationMarks_ReportsSymbolNumberAndLine()
    {
        var error = SingleError(ReadDocument("error-two-implementation-marks.txt"));

        Assert.Equal((27, Rep2021N3, 2), Place(error));
        Assert.Equal("two implementation marks: Not started and In progress", error.Message);
    }

    [Fact]
    public void Read_StatusCellNeitherXNorEmpty_QuotesColumnAndValueAtTheCellLine()
    {
        var error = SingleError(ReadDocument("error-bad-status-value.txt"));

        Assert.Equal((21, Rep2021N3, 1), Place(error));
        Assert.Equal("the Not relevant cell holds \"yes\" where X or nothing is expected", error.Message);
    }

    [Fact]
    public void Read_RowWithNineCells_CannotBeRead()
    {
        var error = SingleError(ReadDocument("error-too-many-cells.txt"));

        Assert.Equal((18, Rep2021N3, 1), Place(error));
        Assert.Contains("cannot be read: 9 cells where at most 8 are expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RepeatedRecommendationNumber_ReportsTheSecondRow()
    {
        var error = SingleError(ReadDocument("error-repeated-number.txt"));

        Assert.Equal((27, Rep2021N3, 1), Place(error));
        Assert.Equal("recommendation 1 appears twice in this report (first at line 18)", error.Message);
    }

    [Fact]
    public void Read_HeadingWithoutSymbol_QuotesTheHeadingAndNamesTheReportWithThatTitle()
    {
        var error = SingleError(ReadDocument("error-heading-without-symbol.txt"));

        Assert.Equal((34, Rep2020N7, null), Place(error));
        Assert.Contains("heading has no symbol: \"Blockchain applications in the United Nations system\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeadingWithoutSymbolAndUnknownTitle_ReportsHeadingAndUnfollowedReport()
    {
        var result = ReadDocument("error-heading-without-symbol-unknown-title.txt");

        Assert.Null(result.Document);
        Assert.Equal([(10, Rep2020N7, null), (34, null, null)], result.Errors.Select(Place));
        Assert.Contains("\"Distributed ledgers in the United Nations system\"", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FocalPointLineRightAfterRows_ReportsMissingHeading()
    {
        var result = ReadDocument("error-focal-point-line-without-heading.txt");

        Assert.Null(result.Document);
        Assert.Equal([(10, Rep2020N7, null), (34, null, null)], result.Errors.Select(Place));
        Assert.Equal("a focal-point line with no report heading before it", result.Errors[1].Message);
    }

    [Fact]
    public void Read_SectionNotInTableOne_ReportsTheHeading()
    {
        var error = SingleError(ReadDocument("error-section-not-in-table-1.txt"));

        Assert.Equal((31, Rep2020N7, null), Place(error));
        Assert.Contains("not listed in Table 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SymbolListedTwiceInTableOne_ReportsTheSecondEntry()
    {
        var error = SingleError(ReadDocument("error-listed-twice-in-table-1.txt"));

        Assert.Equal((13, Rep2021N3, null), Place(error));
        Assert.Equal("JIU/REP/2021/3 is listed twice in Table 1 (first at line 7)", error.Message);
    }

    [Fact]
    public void Read_TwoSectionsForOneReport_ReportsTheSecondHeading()
    {
        var error = SingleError(ReadDocument("error-two-sections.txt"));

        Assert.Equal((43, Rep2020N7, null), Place(error));
        Assert.Contains("second section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TableOneReportWithoutSection_ReportsItsTableOneLine()
    {
        var error = SingleError(ReadDocument("error-report-without-section.txt"));

        Assert.Equal((13, "JIU/REP/2019/1", null), Place(error));
        Assert.Contains("has no section in Table 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SectionWithoutRows_ReportsItsHeading()
    {
        var error = SingleError(ReadDocument("error-section-without-rows.txt"));

        Assert.Equal((34, Rep2020N7, null), Place(error));
        Assert.Contains("no recommendation rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RecommendationCellWithoutNumber_ReportsTheCell()
    {
        var error = SingleError(ReadDocument("error-recommendation-without-number.txt"));

        Assert.Equal((27, Rep2021N3, null), Place(error));
        Assert.StartsWith("recommendation cell without a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FocalPointWithoutUnit_ReportsTheFocalPointCell()
    {
        var error = SingleError(ReadDocument("error-focal-point-without-unit.txt"));

        Assert.Equal((9, Rep2021N3, null), Place(error));
        Assert.StartsWith("focal point \"Mr. Preetam Maloor\" has no unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEachInLineOrder()
    {
        var result = ReadDocument("error-several.txt");

        Assert.Null(result.Document);
        Assert.Equal([(18, Rep2021N3, 1), (39, Rep2020N7, 1)], result.Errors.Select(Place));
    }

    [Fact]
    public void Read_SeedHeadingWithoutSymbol_ReportsOnlyTheHeading()
    {
        var text = TestDocuments.SeedText().Replace(" JIU/REP/2020/7 Blockchain", " Blockchain", StringComparison.Ordinal);

        var error = SingleError(LegacyDocumentReader.Read(text));

        Assert.Equal((267, Rep2020N7, null), Place(error));
        Assert.Contains("\"Blockchain applications in the United Nations system: towards a state of readiness\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowBeforeAnyHeading_ReportsTheRow()
    {
        const string text = "Table 1\n\tJIU/REP/2021/3\n\tCybersecurity\n\tMr. Anders Norsker (GS/IS)\nTable 2\n\tRecommendation 1: Text.\n\tX\n";

        var result = LegacyDocumentReader.Read(text);

        Assert.Null(result.Document);
        Assert.Equal([(2, Rep2021N3, null), (6, null, 1)], result.Errors.Select(Place));
        Assert.Equal("a recommendation row before any report heading", result.Errors[1].Message);
    }

    [Fact]
    public void Read_BadSeedRow_NamesTheSeedLine()
    {
        var text = TestDocuments.SeedWithLine(180, "\t", "\tX");

        var error = SingleError(LegacyDocumentReader.Read(text));

        Assert.Equal((175, "JIU/REP/2020/8", 3), Place(error));
        Assert.Equal("two implementation marks: Not started and In progress", error.Message);
    }

    private static LegacyDocumentReadResult ReadDocument(string fileName) => LegacyDocumentReader.Read(TestDocuments.Text(fileName));

    private static (int Line, string? Symbol, int? Number) Place(LegacyDocumentError error) =>
        (error.Line, error.ReportSymbol, error.RecommendationNumber);

    private static LegacyDocumentError SingleError(LegacyDocumentReadResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        return Assert.Single(result.Errors);
    }
}
