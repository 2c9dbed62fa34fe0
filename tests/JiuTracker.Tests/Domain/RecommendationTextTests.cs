using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

public class RecommendationTextTests
{
    [Theory]
    [InlineData("The executive heads of the United Nations system organizations should prepare", Addressee.ExecutiveHeads)]
    [InlineData("The legislative organs and governing bodies of United Nations system organizations should issue", Addressee.LegislativeBodies)]
    [InlineData("The legislative and governing bodies of the United Nations system organizations should consider", Addressee.LegislativeBodies)]
    [InlineData("The governing bodies of the United Nations system organizations should ensure", Addressee.LegislativeBodies)]
    [InlineData("The Secretary-General, in consultation with the executive heads of the United Nations system organizations, should assign", Addressee.Other)]
    public void DetectAddressee_ReadsWhoTheTextOpensWith(string text, Addressee expected) =>
        Assert.Equal(expected, RecommendationText.DetectAddressee(text));

    [Theory]
    [InlineData("should prepare, as a matter of priority and no later than 2022, a comprehensive report", 2022)]
    [InlineData("should designate, if they have not already done so, by the end of 2022, an organizational focal point", 2022)]
    [InlineData("should assign, by the end of 2021, to a United Nations representative", 2021)]
    [InlineData("should endorse the Principles for Digital Development by December 2023, as a first step", 2023)]
    [InlineData("should present it by 2024.", 2024)]
    [InlineData("should make sure that the examination of possible blockchain use cases will be based on assessments", null)]
    [InlineData("in line with the 2030 Agenda for Sustainable Development", null)]
    public void DetectDeadlineYear_FindsTheYearTheTextSets(string text, int? expected) =>
        Assert.Equal(expected, RecommendationText.DetectDeadlineYear(text));
}
