using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

public class RecommendationTests
{
    private static readonly ChangeStamp Import = new("Import of seed.txt", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp FocalPoint = new("anders.norsker@jiutracker.local", new DateTimeOffset(2026, 2, 1, 10, 30, 0, TimeSpan.Zero));

    private static Recommendation NewRecommendation(string text = "The executive heads should, by the end of 2022, act.", string? note = null) =>
        new Report(new ReportSymbol("REP", 2021, 3), "Cybersecurity").AddRecommendation(1, text, note);

    [Fact]
    public void UpdateStatus_RecordsEachChangedFieldInHistory_WithWhoWhenOldAndNew()
    {
        var recommendation = NewRecommendation();

        var changed = recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.InProgress, FocalPoint, ClosureValidation.NotRequired);

        Assert.True(changed);
        Assert.Equal(Acceptance.Accepted, recommendation.Acceptance);
        Assert.Equal(ImplementationStatus.InProgress, recommendation.Implementation);
        Assert.Collection(recommendation.History,
            h => Assert.Equal((HistoryField.Acceptance, (string?)null, (string?)"accepted", FocalPoint.By, FocalPoint.At), (h.Field, h.OldValue, h.NewValue, h.ChangedBy, h.ChangedAt)),
            h => Assert.Equal((HistoryField.Implementation, (string?)null, (string?)"in-progress", FocalPoint.By, FocalPoint.At), (h.Field, h.OldValue, h.NewValue, h.ChangedBy, h.ChangedAt)));
    }

    [Fact]
    public void UpdateStatus_WithSameValues_ChangesNothingAndWritesNoHistory()
    {
        var recommendation = NewRecommendation();
        recommendation.UpdateStatus(Acceptance.Accepted, null, FocalPoint, ClosureValidation.NotRequired);
        var version = recommendation.Version;

        var changed = recommendation.UpdateStatus(Acceptance.Accepted, null, FocalPoint, ClosureValidation.NotRequired);

        Assert.False(changed);
        Assert.Single(recommendation.History);
        Assert.Equal(version, recommendation.Version);
    }

    [Fact]
    public void UpdateStatus_ReplacesTheAcceptance_SoOnlyOneIsEverRecorded()
    {
        var recommendation = NewRecommendation();
        recommendation.UpdateStatus(Acceptance.UnderConsideration, null, Import, ClosureValidation.NotRequired);

        recommendation.UpdateStatus(Acceptance.NotAccepted, null, FocalPoint, ClosureValidation.NotRequired);

        Assert.Equal(Acceptance.NotAccepted, recommendation.Acceptance);
        var last = recommendation.History.Last();
        Assert.Equal(("under-consideration", "not-accepted"), (last.OldValue, last.NewValue));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Acceptance.NotAccepted)]
    [InlineData(Acceptance.NotRelevant)]
    [InlineData(Acceptance.UnderConsideration)]
    public void UpdateStatus_ImplementationWithoutAcceptance_IsRefusedAndChangesNothing(Acceptance? acceptance)
    {
        var recommendation = NewRecommendation();

        var refusal = Assert.Throws<DomainRuleException>(() =>
            recommendation.UpdateStatus(acceptance, ImplementationStatus.NotStarted, FocalPoint, ClosureValidation.NotRequired));

        Assert.Contains("only be recorded on an accepted recommendation", refusal.Message, StringComparison.Ordinal);
        Assert.Null(recommendation.Acceptance);
        Assert.Null(recommendation.Implementation);
        Assert.Empty(recommendation.History);
    }

    [Fact]
    public void UpdateStatus_WithdrawingAcceptanceWhileImplementationStays_IsRefused()
    {
        var recommendation = NewRecommendation();
        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, FocalPoint, ClosureValidation.NotRequired);

        Assert.Throws<DomainRuleException>(() =>
            recommendation.UpdateStatus(Acceptance.NotAccepted, ImplementationStatus.Implemented, FocalPoint, ClosureValidation.NotRequired));
        Assert.Equal(Acceptance.Accepted, recommendation.Acceptance);
    }

    [Fact]
    public void RecordImported_KeepsImplementationWithoutAcceptance_AndFlagsIt()
    {
        var recommendation = NewRecommendation();

        recommendation.RecordImported(null, ImplementationStatus.Implemented, null, Import);

        Assert.Null(recommendation.Acceptance);
        Assert.Equal(ImplementationStatus.Implemented, recommendation.Implementation);
        Assert.Equal([DataQuality.ImplementationWithoutAcceptance], recommendation.DataQualityWarnings);
        Assert.Collection(recommendation.History,
            entry => Assert.Equal((HistoryField.Implementation, "implemented", Import.By), (entry.Field, entry.NewValue, entry.ChangedBy)),
            entry => Assert.Equal((HistoryField.ClosureValidated, ClosureClaims.ImportedCountsAsValidated, Import.By), (entry.Field, entry.NewValue, entry.ChangedBy)));
    }

    [Fact]
    public void UpdateStatus_OnImportedLegacyState_AllowsFixingIt_AndThenTheWarningGoes()
    {
        var recommendation = NewRecommendation();
        recommendation.RecordImported(null, ImplementationStatus.Implemented, null, Import);

        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, FocalPoint, ClosureValidation.NotRequired);

        Assert.Empty(recommendation.DataQualityWarnings);
        Assert.Equal([HistoryField.Implementation, HistoryField.ClosureValidated, HistoryField.Acceptance], recommendation.History.Select(h => h.Field));
    }

    [Fact]
    public void AddComment_KeepsAuthorAndTime_AndRecordsItInHistory()
    {
        var recommendation = NewRecommendation();

        var comment = recommendation.AddComment("  In the workplan for 2022 onward ", FocalPoint);

        Assert.Equal(("In the workplan for 2022 onward", FocalPoint.By, FocalPoint.At), (comment.Text, comment.Author, comment.CreatedAt));
        var entry = Assert.Single(recommendation.History);
        Assert.Equal((HistoryField.Comment, (string?)null, (string?)"In the workplan for 2022 onward"), (entry.Field, entry.OldValue, entry.NewValue));
    }

    [Fact]
    public void Version_GrowsWithEveryChange()
    {
        var recommendation = NewRecommendation();
        var before = recommendation.Version;

        recommendation.UpdateStatus(Acceptance.Accepted, null, FocalPoint, ClosureValidation.NotRequired);
        var afterStatus = recommendation.Version;
        recommendation.AddComment("Noted.", FocalPoint);

        Assert.True(afterStatus > before);
        Assert.True(recommendation.Version > afterStatus);
    }

    [Fact]
    public void UpdateStatus_OnInformationOnlyRecommendation_IsRefused()
    {
        var recommendation = NewRecommendation(
            "The Secretary-General should assign, by the end of 2021, a representative.",
            "For information only. Recommendation is addressed to the UN Secretary-General");

        Assert.True(recommendation.IsInformationOnly);
        Assert.Throws<DomainRuleException>(() => recommendation.UpdateStatus(Acceptance.Accepted, null, FocalPoint, ClosureValidation.NotRequired));
        recommendation.AddComment("ITU is offering its support.", FocalPoint);
        Assert.Single(recommendation.Comments);
    }

    [Fact]
    public void AddRecommendation_WithANumberTheReportHas_IsRefused()
    {
        var report = new Report(new ReportSymbol("REP", 2021, 2), "Landlocked developing countries");
        report.AddRecommendation(3, "The executive heads should act.");

        Assert.Throws<DomainRuleException>(() => report.AddRecommendation(3, "Another text."));
        report.AddRecommendation(7, "Numbers need not be contiguous.");
        Assert.Equal([3, 7], report.Recommendations.Select(r => r.Number));
    }

    [Fact]
    public void Withdraw_KeepsTheRecommendationAndItsHistory_RecordsTheReason_AndFreezesItsStatuses()
    {
        var recommendation = NewRecommendation();
        recommendation.UpdateStatus(Acceptance.Accepted, null, FocalPoint, ClosureValidation.NotRequired);

        recommendation.Withdraw("  Registered twice by mistake. ", FocalPoint);

        Assert.True(recommendation.IsWithdrawn);
        Assert.Equal((FocalPoint.At, "Registered twice by mistake."), (recommendation.WithdrawnAt!.Value, recommendation.WithdrawalReason));
        Assert.Equal([HistoryField.Acceptance, HistoryField.Withdrawal], recommendation.History.Select(h => h.Field));
        Assert.Throws<DomainRuleException>(() => recommendation.UpdateStatus(Acceptance.NotAccepted, null, FocalPoint, ClosureValidation.NotRequired));
        Assert.Throws<DomainRuleException>(() => recommendation.Withdraw("again", FocalPoint));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Withdraw_WithoutAReason_IsRefused(string reason)
    {
        var recommendation = NewRecommendation();

        Assert.Throws<DomainRuleException>(() => recommendation.Withdraw(reason, FocalPoint));
        Assert.False(recommendation.IsWithdrawn);
    }

    [Fact]
    public void LastChangedAt_IsTheTimeOfTheLatestHistoryEntry_WhateverTheOrderTheyWereRecorded()
    {
        var recommendation = NewRecommendation();
        Assert.Null(recommendation.LastChangedAt);

        recommendation.UpdateStatus(Acceptance.Accepted, null, FocalPoint, ClosureValidation.NotRequired);
        recommendation.AddComment("Recorded from an older document.", Import);

        Assert.Equal(FocalPoint.At, recommendation.LastChangedAt);
        Assert.Equal(recommendation.History.Max(h => h.ChangedAt), recommendation.LastChangedAt);
    }
}
