using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>The day a document states its statuses as of, read from its title block (the lines before "Table 1").</summary>
public class LegacyDocumentStatedDateTests
{
    private const string TitleLine = " 2020- 2021 JIU UN SYSTEM-WIDE REPORTS";

    /// <summary>The seed with its title line (line 2) replaced.</summary>
    private static LegacyDocument SeedTitled(string title) =>
        TestDocuments.ReadSucceeding(TestDocuments.SeedWithLine(2, TitleLine, title));

    [Fact]
    public void Seed_StatesThe31December2021_FromItsTitlesYearRange()
    {
        var seed = TestDocuments.ReadSucceeding(TestDocuments.SeedText());

        Assert.Equal(new DateOnly(2021, 12, 31), seed.StatedDate);
        Assert.Equal("the title's year range \"2020- 2021\", read as 31 December 2021", seed.StatedDateFrom);
    }

    [Theory]
    [InlineData("2020-2021 JIU UN SYSTEM-WIDE REPORTS", 2021)]
    [InlineData("2019 – 2022 JIU UN SYSTEM-WIDE REPORTS", 2022)]
    [InlineData("JIU SYSTEM-WIDE REPORTS 2022-2023", 2023)]
    public void AYearRangeInTheTitle_StandsFor31DecemberOfItsLastYear(string title, int year) =>
        Assert.Equal(new DateOnly(year, 12, 31), SeedTitled(title).StatedDate);

    [Theory]
    [InlineData(" 2020- 2021 JIU UN SYSTEM-WIDE REPORTS as at 30 June 2022", "2022-06-30")]
    [InlineData(" 2020- 2021 JIU UN SYSTEM-WIDE REPORTS, as of 2022-03-15", "2022-03-15")]
    [InlineData("JIU UN SYSTEM-WIDE REPORTS (status as of December 31, 2021)", "2021-12-31")]
    [InlineData("JIU UN SYSTEM-WIDE REPORTS AS AT 1 Sep 2022", "2022-09-01")]
    public void AnExplicitAsOfOrAsAt_WinsOverTheYearRange(string title, string expected)
    {
        var document = SeedTitled(title);

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), document.StatedDate);
        Assert.StartsWith("the title's \"as ", document.StatedDateFrom, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnAsOfPhraseOnAnotherLineOfTheTitleBlock_IsRead()
    {
        var text = TestDocuments.SeedWithLine(3, "ACCEPTANCE OF RECOMMENDATIONS AND IMPLEMENTATION STATUS ", "ACCEPTANCE OF RECOMMENDATIONS AND IMPLEMENTATION STATUS AS AT 30 June 2022");

        Assert.Equal(new DateOnly(2022, 6, 30), TestDocuments.ReadSucceeding(text).StatedDate);
    }

    [Theory]
    [InlineData("JIU UN SYSTEM-WIDE REPORTS")]
    [InlineData("JIU UN SYSTEM-WIDE REPORTS as of 31 February 2021")]
    [InlineData("JIU UN SYSTEM-WIDE REPORTS 2021-2020")]
    public void NoDateInTheTitleBlock_IsNull(string title)
    {
        var document = SeedTitled(title);

        Assert.Null(document.StatedDate);
        Assert.Null(document.StatedDateFrom);
    }

    [Fact]
    public void ADateInTheTablesIsNotTheDocumentsDate()
    {
        // minimal.txt has no year range or "as of" before Table 1; the years of its report symbols do not count.
        Assert.Null(TestDocuments.ReadSucceeding(TestDocuments.Text("minimal.txt")).StatedDate);
    }
}
