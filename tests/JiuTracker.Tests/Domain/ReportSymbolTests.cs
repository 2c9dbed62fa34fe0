using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

public class ReportSymbolTests
{
    [Theory]
    [InlineData("JIU/REP/2021/3", "REP", 2021, 3)]
    [InlineData("JIU/NOTE/2019/1", "NOTE", 2019, 1)]
    [InlineData(" jiu/ml/2020/12 ", "ML", 2020, 12)]
    public void TryParse_ReadsKindYearAndNumber(string text, string kind, int year, int number)
    {
        Assert.True(ReportSymbol.TryParse(text, out var symbol));
        Assert.Equal(new ReportSymbol(kind, year, number), symbol);
        Assert.Equal($"JIU/{kind}/{year}/{number}", symbol.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("JIU/REP/21/3")]
    [InlineData("JIU/DOC/2021/3")]
    [InlineData("JIU/REP/2021/0")]
    [InlineData("JIU/REP/2021/3 Cybersecurity")]
    public void TryParse_RefusesWhatIsNotASymbol(string text) =>
        Assert.False(ReportSymbol.TryParse(text, out _));

    [Fact]
    public void TryParseLeading_SplitsSymbolFromTitle()
    {
        Assert.True(ReportSymbol.TryParseLeading(" JIU/REP/2020/8 Review of mainstreaming environmental sustainability  ", out var symbol, out var rest));
        Assert.Equal("JIU/REP/2020/8", symbol.ToString());
        Assert.Equal("Review of mainstreaming environmental sustainability", rest);
    }
}
