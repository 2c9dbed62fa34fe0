using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

/// <summary>The refusals of <see cref="Recommendation"/>'s rules, word for word, and the single-field revisions.</summary>
public class RecommendationRuleMessageTests
{
    private static readonly ChangeStamp Admin = new("admin@jiutracker.local", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static Recommendation NewRecommendation(string? note = null) =>
        new Report(new ReportSymbol("REP", 2021, 3), "Cybersecurity").AddRecommendation(2, "The executive heads should, by the end of 2022, act.", note);

    [Fact]
    public void Revise_OnlyTheText_RecordsOnlyTheText()
    {
        var recommendation = NewRecommendation();

        Assert.True(recommendation.Revise("  The executive heads should act by the end of 2022.  ", Addressee.ExecutiveHeads, 2022, null, Admin));

        var entry = Assert.Single(recommendation.History);
        Assert.Equal((HistoryField.Text, "The executive heads should act by the end of 2022."), (entry.Field, entry.NewValue));
        Assert.Equal("The executive heads should act by the end of 2022.", recommendation.Text);
    }

    [Fact]
    public void Revise_OnlyTheAddressee_RecordsOnlyTheAddressee()
    {
        var recommendation = NewRecommendation();

        Assert.True(recommendation.Revise(recommendation.Text, Addressee.Other, 2022, null, Admin));

        var entry = Assert.Single(recommendation.History);
        Assert.Equal((HistoryField.Addressee, "executive-heads", "other"), (entry.Field, entry.OldValue, entry.NewValue));
        Assert.Equal(Addressee.Other, recommendation.Addressee);
    }

    [Fact]
    public void Revise_OnlyTheDeadline_ToNone_RecordsOnlyTheDeadline()
    {
        var recommendation = NewRecommendation();

        Assert.True(recommendation.Revise(recommendation.Text, Addressee.ExecutiveHeads, null, null, Admin));

        var entry = Assert.Single(recommendation.History);
        Assert.Equal((HistoryField.Deadline, "2022", (string?)null), (entry.Field, entry.OldValue, entry.NewValue));
        Assert.Null(recommendation.DeadlineYear);
    }

    [Fact]
    public void Revise_TheNote_RecordsOldAndNewNote()
    {
        var recommendation = NewRecommendation("For information.");

        Assert.True(recommendation.Revise(recommendation.Text, recommendation.Addressee, 2022, " Shared with ITU-D. ", Admin));
        Assert.True(recommendation.Revise(recommendation.Text, recommendation.Addressee, 2022, " ", Admin));

        Assert.Collection(recommendation.History,
            h => Assert.Equal((HistoryField.Note, "For information.", "Shared with ITU-D."), (h.Field, h.OldValue, h.NewValue)),
            h => Assert.Equal((HistoryField.Note, "Shared with ITU-D.", (string?)null), (h.Field, h.OldValue, h.NewValue)));
        Assert.False(recommendation.IsInformationOnly);
    }

    [Fact]
    public void Revise_ARecommendationWithAStatus_ChangesItsText()
    {
        var recommendation = NewRecommendation();
        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.InProgress, Admin, ClosureValidation.NotRequired);

        Assert.True(recommendation.Revise("The executive heads should act.", Addressee.ExecutiveHeads, 2022, null, Admin));

        Assert.Equal("The executive heads should act.", recommendation.Text);
        Assert.Equal(HistoryField.Text, recommendation.History.Last().Field);
    }

    [Fact]
    public void Revise_ToInformationOnly_WithOnlyAnImportedImplementation_IsRefused()
    {
        var recommendation = NewRecommendation();
        recommendation.RecordImported(null, ImplementationStatus.Implemented, null, Admin);

        var refusal = Assert.Throws<DomainRuleException>(() =>
            recommendation.Revise(recommendation.Text, recommendation.Addressee, 2022, "For information.", Admin));

        Assert.Equal(
            "Recommendation 2 has an acceptance or implementation status recorded, so it cannot become \"for information only\". " +
            "Have its statuses set to \"Not recorded\" first.", refusal.Message);
    }

    [Theory]
    [InlineData(1990)]
    [InlineData(2100)]
    public void Revise_ADeadlineAtTheLimits_IsAccepted(int year)
    {
        var recommendation = NewRecommendation();

        Assert.True(recommendation.Revise(recommendation.Text, recommendation.Addressee, year, null, Admin));
        Assert.Equal(year, recommendation.DeadlineYear);
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2101)]
    public void Revise_ADeadlineOutsideTheLimits_IsRefused(int year)
    {
        var recommendation = NewRecommendation();

        var refusal = Assert.Throws<DomainRuleException>(() => recommendation.Revise(recommendation.Text, recommendation.Addressee, year, null, Admin));

        Assert.Equal($"The deadline of recommendation 2 must be a year from 1990 to 2100, not {year}.", refusal.Message);
        Assert.Equal(2022, recommendation.DeadlineYear);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Revise_WithBlankText_IsRefused(string text)
    {
        var refusal = Assert.Throws<DomainRuleException>(() => NewRecommendation().Revise(text, Addressee.Other, null, null, Admin));

        Assert.Equal("Recommendation 2 needs its text.", refusal.Message);
    }

    [Fact]
    public void Revise_AWithdrawnRecommendation_SaysSo()
    {
        var recommendation = NewRecommendation();
        recommendation.Withdraw("Duplicate.", Admin);

        var refusal = Assert.Throws<DomainRuleException>(() => recommendation.Revise("New text.", Addressee.Other, null, null, Admin));

        Assert.Equal("Recommendation 2 was withdrawn; it can no longer be revised.", refusal.Message);
    }

    [Fact]
    public void UpdateStatus_OfAWithdrawnRecommendation_SaysSo()
    {
        var recommendation = NewRecommendation();
        recommendation.Withdraw("Duplicate.", Admin);

        var refusal = Assert.Throws<DomainRuleException>(() => recommendation.UpdateStatus(Acceptance.Accepted, null, Admin, ClosureValidation.NotRequired));

        Assert.Equal("Recommendation 2 was withdrawn; its statuses can no longer change.", refusal.Message);
    }

    [Fact]
    public void UpdateStatus_OfAnInformationOnlyRecommendation_SaysSo()
    {
        var refusal = Assert.Throws<DomainRuleException>(() => NewRecommendation("For information.").UpdateStatus(Acceptance.Accepted, null, Admin, ClosureValidation.NotRequired));

        Assert.Equal("Recommendation 2 is for information only: no acceptance or implementation is recorded for it.", refusal.Message);
    }

    [Fact]
    public void UpdateStatus_ImplementationWithoutAcceptance_NamesTheAcceptanceItWouldHave()
    {
        var refusal = Assert.Throws<DomainRuleException>(() =>
            NewRecommendation().UpdateStatus(Acceptance.NotAccepted, ImplementationStatus.NotStarted, Admin, ClosureValidation.NotRequired));

        Assert.Equal(
            "Implementation can only be recorded on an accepted recommendation; recommendation 2 would be \"Not accepted\". " +
            "Set the implementation status to \"Not recorded\" or accept the recommendation.", refusal.Message);
    }

    [Fact]
    public void Withdraw_Refusals_SayWhy()
    {
        var recommendation = NewRecommendation();

        Assert.Equal("Give the reason for withdrawing recommendation 2.",
            Assert.Throws<DomainRuleException>(() => recommendation.Withdraw(" ", Admin)).Message);
        recommendation.Withdraw(" Duplicate. ", Admin);
        Assert.Equal("Duplicate.", recommendation.WithdrawalReason);
        Assert.Equal("Recommendation 2 is already withdrawn.",
            Assert.Throws<DomainRuleException>(() => recommendation.Withdraw("Again.", Admin)).Message);
    }

    [Fact]
    public void RecordImported_KeepsAcceptanceImplementationAndComment()
    {
        var recommendation = NewRecommendation();

        recommendation.RecordImported(Acceptance.Accepted, ImplementationStatus.Implemented, "  Done in 2023.  ", Admin);

        Assert.Equal((Acceptance.Accepted, ImplementationStatus.Implemented), (recommendation.Acceptance, recommendation.Implementation));
        var comment = Assert.Single(recommendation.Comments);
        Assert.Equal(("Done in 2023.", Admin.By, Admin.At), (comment.Text, comment.Author, comment.CreatedAt));
        Assert.Equal([HistoryField.Acceptance, HistoryField.Implementation, HistoryField.ClosureValidated, HistoryField.Comment], recommendation.History.Select(h => h.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RecordImported_WithoutAComment_AddsNone(string? comment)
    {
        var recommendation = NewRecommendation();

        recommendation.RecordImported(Acceptance.Accepted, null, comment, Admin);

        Assert.Empty(recommendation.Comments);
        Assert.Single(recommendation.History);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddComment_Blank_IsRefused(string text)
    {
        var recommendation = NewRecommendation();

        Assert.Throws<ArgumentException>(() => recommendation.AddComment(text, Admin));
        Assert.Empty(recommendation.History);
    }
}
