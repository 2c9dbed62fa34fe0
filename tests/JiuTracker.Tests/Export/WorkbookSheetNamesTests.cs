using JiuTracker.Web.Export.Workbook;

namespace JiuTracker.Tests.Export;

/// <summary>Report sheets are named from their symbols within Excel's rules.</summary>
public class WorkbookSheetNamesTests
{
    [Theory]
    [InlineData("JIU/REP/2021/3", "REP-2021-3")]
    [InlineData("JIU/NOTE/2019/1", "NOTE-2019-1")]
    [InlineData("a:b\\c?d*e[f]g", "a-b-c-d-e-f-g")]
    [InlineData("'quoted'", "quoted")]
    public void FromSymbol_ReplacesTheCharactersExcelForbids(string symbol, string expected)
    {
        Assert.Equal(expected, SheetNames.FromSymbol(symbol));
    }

    [Fact]
    public void FromSymbol_KeepsAtMost31Characters()
    {
        Assert.Equal(31, SheetNames.FromSymbol("JIU/REP/" + new string('9', 40)).Length);
    }

    [Fact]
    public void ForReports_MakesNamesUnique_IgnoringCase_AndAvoidsTheFixedSheets()
    {
        var names = SheetNames.ForReports(["JIU/REP/2021/3", "jiu/rep/2021/3", "JIU:REP-2021-3", "Summary", "JIU/" + new string('x', 40), "JIU/" + new string('x', 41)]);

        Assert.Equal(["REP-2021-3", "rep-2021-3 (2)", "JIU-REP-2021-3", "Summary (2)", new string('x', 31), new string('x', 27) + " (2)"], names);
    }
}
