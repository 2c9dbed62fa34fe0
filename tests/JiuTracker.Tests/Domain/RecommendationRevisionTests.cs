using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

public class RecommendationRevisionTests
{
    private static readonly ChangeStamp Admin = new("admin@jiutracker.local", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static Recommendation NewRecommendation() =>
        new Report(new ReportSymbol("REP", 2021, 3), "Cybersecurity").AddRecommendation(1, "The executive heads should, by the end of 2022, act.");

    [Fact]
    public void Revise_RecordsEachChangedField_WithOldAndNewValue()
    {
        var recommendation = NewRecommendation();
        var version = recommendation.Version;

        var changed = recommendation.Revise("The governing bodies should act.", Addressee.LegislativeBodies, 2024, null, Admin);

        Assert.True(changed);
        Assert.Equal((Addressee.LegislativeBodies, (int?)2024), (recommendation.Addressee, recommendation.DeadlineYear));
        Assert.Collection(recommendation.History,
            h => Assert.Equal((HistoryField.Text, "The executive heads should, by the end of 2022, act.", "The governing bodies should act."), (h.Field, h.OldValue, h.NewValue)),
            h => Assert.Equal((HistoryField.Addressee, "executive-heads", "legislative-bodies"), (h.Field, h.OldValue, h.NewValue)),
            h => Assert.Equal((HistoryField.Deadline, "2022", "2024"), (h.Field, h.OldValue, h.NewValue)));
        Assert.All(recommendation.History, h => Assert.Equal((Admin.By, Admin.At), (h.ChangedBy, h.ChangedAt)));
        Assert.True(recommendation.Version > version);
    }

    [Fact]
    public void Revise_WithTheStoredValues_ChangesNothing()
    {
        var recommendation = NewRecommendation();

        Assert.False(recommendation.Revise(recommendation.Text, recommendation.Addressee, recommendation.DeadlineYear, null, Admin));
        Assert.Empty(recommendation.History);
    }

    [Fact]
    public void Revise_AWithdrawnRecommendation_IsRefused()
    {
        var recommendation = NewRecommendation();
        recommendation.Withdraw("Duplicate of recommendation 2.", Admin);

        var refusal = Assert.Throws<DomainRuleException>(() => recommendation.Revise("New text.", Addressee.Other, null, null, Admin));

        Assert.Contains("withdrawn", refusal.Message, StringComparison.Ordinal);
        Assert.Single(recommendation.History);
    }

    [Fact]
    public void Revise_ToInformationOnly_WithAStatusRecorded_IsRefused()
    {
        var recommendation = NewRecommendation();
        recommendation.UpdateStatus(Acceptance.Accepted, null, Admin, ClosureValidation.NotRequired);

        Assert.Throws<DomainRuleException>(() =>
            recommendation.Revise(recommendation.Text, recommendation.Addressee, recommendation.DeadlineYear, "For information only.", Admin));
        Assert.Null(recommendation.InformationOnlyNote);
    }

    [Fact]
    public void Revise_WithAnImplausibleDeadline_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => NewRecommendation().Revise("Text.", Addressee.Other, 22, null, Admin));
}
