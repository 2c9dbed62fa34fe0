using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

public class ReportTests
{
    private static Report NewReport() => new(new ReportSymbol("REP", 2021, 3), "  Cybersecurity  ");

    [Fact]
    public void New_KeepsSymbolYearNumberAndTrimmedTitle()
    {
        var report = NewReport();

        Assert.Equal(("JIU/REP/2021/3", 2021, 3, "Cybersecurity"), (report.Symbol, report.Year, report.Number, report.Title));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void New_WithABlankTitle_IsRefused(string title) =>
        Assert.Throws<ArgumentException>(() => new Report(new ReportSymbol("REP", 2021, 3), title));

    [Theory]
    [InlineData(CebCommentsStatus.Available, " A/76/123 ", "A/76/123")]
    [InlineData(CebCommentsStatus.Available, "  ", null)]
    [InlineData(CebCommentsStatus.Available, null, null)]
    [InlineData(CebCommentsStatus.NotYetAvailable, "A/76/123", null)]
    public void SetCebComments_KeepsTheReferenceOnlyWhenAvailable(CebCommentsStatus status, string? reference, string? kept)
    {
        var report = NewReport();

        report.SetCebComments(status, reference);

        Assert.Equal((status, kept), (report.CebComments, report.CebCommentsReference));
    }

    [Fact]
    public void Revise_ChangesSymbolTitleAndLink_Trimmed()
    {
        var report = NewReport();

        report.Revise(new ReportSymbol("NOTE", 2020, 7), " Blockchain ", " https://www.unjiu.org/x ");

        Assert.Equal(("JIU/NOTE/2020/7", 2020, 7, "Blockchain", "https://www.unjiu.org/x"),
            (report.Symbol, report.Year, report.Number, report.Title, report.ReviewHighlightsUrl));

        report.Revise(new ReportSymbol("NOTE", 2020, 7), "Blockchain", "  ");
        Assert.Null(report.ReviewHighlightsUrl);
    }

    [Fact]
    public void Revise_WithABlankTitle_IsRefused()
    {
        var report = NewReport();

        Assert.Throws<ArgumentException>(() => report.Revise(new ReportSymbol("REP", 2021, 3), " ", null));
        Assert.Throws<ArgumentNullException>(() => report.Revise(null!, "Title", null));
        Assert.Equal("Cybersecurity", report.Title);
    }

    [Fact]
    public void AddRecommendation_WithANumberTheReportHas_NamesTheReportAndNumber()
    {
        var report = NewReport();
        report.AddRecommendation(2, "The executive heads should act.");

        var refusal = Assert.Throws<DomainRuleException>(() => report.AddRecommendation(2, "Other text."));

        Assert.Equal("JIU/REP/2021/3 already has a recommendation 2.", refusal.Message);
    }

    [Theory]
    [InlineData(1990)]
    [InlineData(2100)]
    public void AddRecommendation_WithADeadlineAtTheLimits_IsAccepted(int year) =>
        Assert.Equal(year, NewReport().AddRecommendation(1, "Text.", Addressee.Other, year).DeadlineYear);

    [Theory]
    [InlineData(1989)]
    [InlineData(2101)]
    public void AddRecommendation_WithADeadlineOutsideTheLimits_IsRefused(int year)
    {
        var report = NewReport();

        var refusal = Assert.Throws<DomainRuleException>(() => report.AddRecommendation(1, "Text.", Addressee.Other, year));

        Assert.Equal($"The deadline of recommendation 1 must be a year from 1990 to 2100, not {year}.", refusal.Message);
        Assert.Empty(report.Recommendations);
    }

    [Theory]
    [InlineData(0, "Text.")]
    [InlineData(-1, "Text.")]
    public void AddRecommendation_NumberZeroOrLess_IsRefused(int number, string text) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewReport().AddRecommendation(number, text));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddRecommendation_WithBlankText_IsRefused(string text) =>
        Assert.Throws<ArgumentException>(() => NewReport().AddRecommendation(1, text, Addressee.Other, null));

    [Fact]
    public void AddRecommendation_KeepsNumberTrimmedTextAndNote()
    {
        var recommendation = NewReport().AddRecommendation(4, "  The governing bodies should act.  ", "  For information.  ");

        Assert.Equal((4, "The governing bodies should act.", Addressee.LegislativeBodies, "For information."),
            (recommendation.Number, recommendation.Text, recommendation.Addressee, recommendation.InformationOnlyNote));
        Assert.Null(NewReport().AddRecommendation(4, "Text.", "  ").InformationOnlyNote);
    }

    [Fact]
    public void Assign_AddsAFocalPointOnce_AndUnassignRemovesIt()
    {
        var report = NewReport();
        var focalPoint = new FocalPoint("Mr.", "Anders Norsker", "GS/IS");

        report.Assign(focalPoint);
        report.Assign(focalPoint);

        Assert.Same(focalPoint, Assert.Single(report.FocalPoints));
        Assert.True(report.Unassign(focalPoint));
        Assert.False(report.Unassign(focalPoint));
        Assert.Empty(report.FocalPoints);
    }
}
