using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>
/// The reader's rules on small documents written in the test: rows, Table 1's errors, headings that lost their symbol
/// and the control-character limit (cases mutation testing found no test for; docs/testing.md).
/// </summary>
public class LegacyDocumentReaderRuleTests
{
    private const string Rep = "JIU/REP/2021/3";

    // lines 1-7: Table 1 with its header row and one report
    private const string TableOne = "Table 1\n\tREPORT NUMBER\n\tREPORT TITLE\n\tITU FOCAL POINT\n\tJIU/REP/2021/3\n\tCybersecurity\n\tMr. Anders Norsker (GS/IS)\n";

    // lines 8-10: Table 2 and the report's heading; its first row starts at line 11
    private static string Document(string rows) => TableOne + "Table 2\nJIU/REP/2021/3 Cybersecurity\n - ITU Focal Point: Anders Norsker\n" + rows;

    private static LegacyRecommendation OnlyRecommendation(string text) =>
        Assert.Single(Assert.Single(TestDocuments.ReadSucceeding(text).Reports).Recommendations);

    private static LegacyDocumentError SingleError(string text)
    {
        var result = LegacyDocumentReader.Read(text);
        Assert.Null(result.Document);
        return Assert.Single(result.Errors);
    }

    private static (int, string?, int?, string) Whole(LegacyDocumentError error) =>
        (error.Line, error.ReportSymbol, error.RecommendationNumber, error.Message);

    [Fact]
    public void Row_WithOnlyTheRecommendationCell_HasNoStatusNoteOrComment()
    {
        var recommendation = OnlyRecommendation(Document("\tRecommendation 1: The executive heads should act.\n"));

        Assert.Equal((1, "The executive heads should act.", (Acceptance?)null, (ImplementationStatus?)null, (string?)null, (string?)null),
            (recommendation.Number, recommendation.Text, recommendation.Acceptance, recommendation.Implementation, recommendation.Comment, recommendation.InformationOnlyNote));
    }

    [Fact]
    public void InformationOnlyRow_WithoutACommentCell_HasTheNoteAndNoComment()
    {
        var recommendation = OnlyRecommendation(Document("\tRecommendation 1: Text.\n\tFor information only\n"));

        Assert.Equal(("For information only", (string?)null, (Acceptance?)null), (recommendation.InformationOnlyNote, recommendation.Comment, recommendation.Acceptance));
    }

    [Fact]
    public void InformationOnlyRow_WithACommentCell_KeepsBoth()
    {
        var recommendation = OnlyRecommendation(Document("\tRecommendation 1: Text.\n\tFor information only\n\tShared with BDT.\n"));

        Assert.Equal(("For information only", "Shared with BDT."), (recommendation.InformationOnlyNote, recommendation.Comment));
    }

    [Fact]
    public void Row_WhoseFirstOfTwoCellsIsEmpty_IsNotInformationOnly()
    {
        var recommendation = OnlyRecommendation(Document("\tRecommendation 1: Text.\n\t\n\tX\n"));

        Assert.Equal(((string?)null, Acceptance.NotAccepted), (recommendation.InformationOnlyNote, recommendation.Acceptance));
    }

    [Theory]
    [InlineData("\tyes\n\t\n\t\n\t\n", 12, "Accept")]
    [InlineData("\t\n\t\n\t\n\tlater\n", 15, "Requires further consideration")]
    [InlineData("X\n\t\n\t\n\t\n\tsoon\n", 16, "Not started")]
    public void StatusCell_NeitherXNorEmpty_IsNamedByItsColumn(string cells, int line, string column)
    {
        var error = SingleError(Document("\tRecommendation 1: Text.\n\t" + cells));

        var value = cells.Split('\n').Select(c => c.Trim()).First(c => c.Length > 0 && c != "X");
        Assert.Equal((line, Rep, 1, $"the {column} cell holds \"{value}\" where X or nothing is expected"), Whole(error));
    }

    [Theory]
    [InlineData("\tX\n\tX\n\tX\n", "three acceptance marks: Accept, Not accept and Not relevant")]
    [InlineData("\tX\n\tX\n\tX\n\tX\n", "four acceptance marks: Accept, Not accept, Not relevant and Requires further consideration")]
    [InlineData("\tX\n\t\n\t\n\t\n\tX\n\tX\n\tX\n", "three implementation marks: Not started, In progress and Implemented")]
    public void SeveralMarks_AreCountedAndNamed(string cells, string message) =>
        Assert.Equal((11, Rep, 1, message), Whole(SingleError(Document("\tRecommendation 1: Text.\n" + cells))));

    [Fact]
    public void RecommendationCell_WithNoTextAfterItsNumber_IsRefused() =>
        Assert.Equal((11, Rep, 1, "the recommendation cell has no text after its number"),
            Whole(SingleError(Document("\tRecommendation 1:\n\tX\n"))));

    [Fact]
    public void TableOne_ACellAfterTheHeaderThatIsNoSymbol_IsNamed_OnlyTheFirst()
    {
        var text = "Table 1\n\tREPORT NUMBER\n\tREPORT TITLE\n\tITU FOCAL POINT\n\tJIU/REPORT/2021/3\n\tCybersecurity\n\tJIU/REP/2021/3\n\tCybersecurity\n\tMr. Anders Norsker (GS/IS)\n" +
            "Table 2\nJIU/REP/2021/3 Cybersecurity\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n";

        var error = SingleError(text);

        Assert.Equal((5, (string?)null, (int?)null, "Table 1: \"JIU/REPORT/2021/3\" is not a report symbol such as JIU/REP/2021/3"), Whole(error));
    }

    [Fact]
    public void TableOne_ThreeCellsAfterASymbol_IsRefused()
    {
        var text = TableOne + "\tAnother cell\nTable 2\nJIU/REP/2021/3 Cybersecurity\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n";

        var result = LegacyDocumentReader.Read(text);

        Assert.Contains((5, Rep, (int?)null, "Table 1 has 3 cells after JIU/REP/2021/3 where 2 are expected: the title and the focal points"),
            result.Errors.Select(Whole));
    }

    [Fact]
    public void TableOne_AnEmptyFocalPointsCell_NamesNoFocalPoint()
    {
        var text = "Table 1\n\tJIU/REP/2021/3\n\tCybersecurity\n\t\nTable 2\nJIU/REP/2021/3 Cybersecurity\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n";

        Assert.Equal((4, Rep, (int?)null, "Table 1 names no focal point for JIU/REP/2021/3"), Whole(SingleError(text)));
    }

    [Fact]
    public void TableOne_WithNoReports_IsRefused()
    {
        var result = LegacyDocumentReader.Read("Action required\nTable 1\n\tREPORT NUMBER\n\tREPORT TITLE\n\tITU FOCAL POINT\nTable 2\n");

        Assert.Null(result.Document);
        Assert.Equal((2, (string?)null, (int?)null, "Table 1 lists no reports"), Whole(result.Errors[0]));
    }

    [Fact]
    public void TableOne_AnEmptyTitle_IsTakenFromTheHeading()
    {
        var text = "Table 1\n\tJIU/REP/2021/3\n\t\n\tMr. Anders Norsker (GS/IS)\nTable 2\nJIU/REP/2021/3 Cybersecurity   in the  system\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n";

        Assert.Equal("Cybersecurity in the system", Assert.Single(TestDocuments.ReadSucceeding(text).Reports).Title);
    }

    [Fact]
    public void HeadingWithoutSymbol_OnTableTwosFirstLine_IsReported_WithTheHint()
    {
        var text = TableOne + "Table 2\nCybersecurity\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n";

        Assert.Equal((9, Rep, (int?)null, "the report heading has no symbol: \"Cybersecurity\"; a heading starts with its report's symbol (Table 1 gives this title to JIU/REP/2021/3)"),
            Whole(SingleError(text)));
    }

    [Fact]
    public void HeadingWithoutSymbol_NextToABlankLine_IsReported()
    {
        var text = TableOne + "Table 2\n\nCybersecurity\n\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n";

        var error = SingleError(text);

        Assert.Equal((10, Rep), (error.Line, error.ReportSymbol));
        Assert.EndsWith("(Table 1 gives this title to JIU/REP/2021/3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadingWithoutSymbol_WithATitleTableOneDoesNotHave_HasNoHint()
    {
        var text = TableOne + "Table 2\nDistributed ledgers\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n";

        var result = LegacyDocumentReader.Read(text);

        Assert.Contains((9, (string?)null, (int?)null, "the report heading has no symbol: \"Distributed ledgers\"; a heading starts with its report's symbol"),
            result.Errors.Select(Whole));
    }

    [Fact]
    public void ControlCharacters_UpToOnePercent_AreAccepted_MoreAreNotPlainText()
    {
        var document = "Action required\n" + Document("\tRecommendation 1: Text.\n");
        var controls = (document.Length + 98) / 99;
        var onePercent = document.Insert(15, new string('\u0001', controls)) + new string(' ', (100 * controls) - controls - document.Length);
        Assert.Equal(100 * controls, onePercent.Length);
        Assert.True(LegacyDocumentReader.Read(onePercent).Succeeded, string.Join("; ", LegacyDocumentReader.Read(onePercent).Errors));

        var error = SingleError(onePercent.Insert(15, "\u0001"));

        Assert.Equal((1, "the document is not plain text (it holds NUL or other control characters); export the Word document as plain text"), (error.Line, error.Message));
    }

    [Fact]
    public void ByteOrderMark_IsNotText() =>
        Assert.True(LegacyDocumentReader.Read("\uFEFF" + Document("\tRecommendation 1: Text.\n")).Succeeded);

    [Fact]
    public void LongText_IsQuotedShortened()
    {
        var title = new string('a', 200);
        var error = LegacyDocumentReader.Read(TableOne + "Table 2\n" + title + "\n - ITU Focal Point: Anders Norsker\n\tRecommendation 1: Text.\n").Errors
            .Single(e => e.Message.StartsWith("the report heading has no symbol", StringComparison.Ordinal));

        Assert.DoesNotContain(title, error.Message, StringComparison.Ordinal);
        Assert.Contains("…\"", error.Message, StringComparison.Ordinal);
    }
}
