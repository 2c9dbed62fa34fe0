using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

/// <summary>The claim → accept / return cycle of decision 032, on the domain alone.</summary>
public class ImplementationClaimTests
{
    private static readonly ChangeStamp FocalPoint = new("robin.zuercher@jiutracker.local", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp Coordinator = new("coordinator@jiutracker.local", new DateTimeOffset(2026, 3, 8, 14, 0, 0, TimeSpan.Zero));

    private static Recommendation InProgress()
    {
        var recommendation = new Report(new ReportSymbol("REP", 2020, 8), "Business continuity").AddRecommendation(4, "The executive heads should act.", null);
        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.InProgress, FocalPoint with { At = FocalPoint.At.AddDays(-30) }, ClosureValidation.Required);
        return recommendation;
    }

    private static Recommendation Claimed()
    {
        var recommendation = InProgress();
        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, FocalPoint, ClosureValidation.Required);
        return recommendation;
    }

    private static void AttachPdf(Recommendation recommendation) =>
        recommendation.AttachEvidence(new CheckedFile("policy.pdf", "application/pdf", "PDF document", [1, 2, 3], new string('a', 64)),
            "The policy adopted", new DateOnly(2026, 2, 1), FocalPoint);

    [Fact]
    public void StatingImplemented_WithValidationRequired_KeepsTheRecordedStatusAndOpensAClaim()
    {
        var recommendation = Claimed();

        Assert.Equal(ImplementationStatus.InProgress, recommendation.Implementation);
        Assert.Equal(ImplementationStatus.Implemented, recommendation.StatedImplementation);
        Assert.Equal((FocalPoint.At, FocalPoint.By), (recommendation.ClaimedAt!.Value, recommendation.ClaimedBy));
        var claim = recommendation.History.Last();
        Assert.Equal((HistoryField.ImplementationClaim, (string?)null, (string?)"implemented"), (claim.Field, claim.OldValue, claim.NewValue));
        Assert.DoesNotContain(recommendation.History, h => h.Field == HistoryField.Implementation && h.NewValue == "implemented");
    }

    [Fact]
    public void StatingImplemented_WithoutValidation_RecordsItAtOnce()
    {
        var recommendation = InProgress();

        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, FocalPoint, ClosureValidation.NotRequired);

        Assert.Equal(ImplementationStatus.Implemented, recommendation.Implementation);
        Assert.False(recommendation.IsImplementationClaimed);
    }

    [Fact]
    public void StatingImplementedAgain_WhileClaimed_IsNoChange()
    {
        var recommendation = Claimed();
        var version = recommendation.Version;

        Assert.False(recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, FocalPoint.With(1), ClosureValidation.Required));
        Assert.Equal(version, recommendation.Version);
    }

    [Fact]
    public void StatingAnotherStatus_WhileClaimed_EndsTheClaim()
    {
        var recommendation = Claimed();

        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.NotStarted, FocalPoint.With(1), ClosureValidation.Required);

        Assert.False(recommendation.IsImplementationClaimed);
        Assert.Equal(ImplementationStatus.NotStarted, recommendation.Implementation);
        Assert.Contains(recommendation.History, h => h.Field == HistoryField.ImplementationClaim && h.OldValue == "implemented" && h.NewValue is null);
    }

    [Fact]
    public void Accepting_WithEvidence_MakesItImplementedWithTheCoordinatorInTheHistory()
    {
        var recommendation = Claimed();
        AttachPdf(recommendation);

        recommendation.AcceptClaim(null, Coordinator);

        Assert.Equal(ImplementationStatus.Implemented, recommendation.Implementation);
        Assert.False(recommendation.IsImplementationClaimed);
        var decided = recommendation.History.Where(h => h.ChangedAt == Coordinator.At).ToList();
        Assert.All(decided, h => Assert.Equal(Coordinator.By, h.ChangedBy));
        Assert.Contains(decided, h => h.Field == HistoryField.Implementation && (h.OldValue, h.NewValue) == ("in-progress", "implemented"));
        Assert.Contains(decided, h => h.Field == HistoryField.ClosureValidated && h.NewValue == "Validated on the evidence of 1 file.");
    }

    [Fact]
    public void Accepting_WithoutEvidence_NeedsAJustification()
    {
        var recommendation = Claimed();

        var refusal = Assert.Throws<DomainRuleException>(() => recommendation.AcceptClaim("  ", Coordinator));
        Assert.Contains("no evidence in force", refusal.Message, StringComparison.Ordinal);
        Assert.True(recommendation.IsImplementationClaimed);

        recommendation.AcceptClaim("Confirmed by the governing body's decision C26/12, read at the session.", Coordinator);
        Assert.Equal(ImplementationStatus.Implemented, recommendation.Implementation);
        Assert.Contains(recommendation.History, h => h.Field == HistoryField.ClosureValidated
            && h.NewValue == "Validated on the evidence of 0 files: Confirmed by the governing body's decision C26/12, read at the session.");
    }

    [Fact]
    public void Accepting_WhenTheOnlyEvidenceIsWithdrawn_NeedsAJustification()
    {
        var recommendation = Claimed();
        AttachPdf(recommendation);
        recommendation.WithdrawEvidence(recommendation.Evidence.Single(), "Wrong file", FocalPoint.With(1));

        Assert.Throws<DomainRuleException>(() => recommendation.AcceptClaim(null, Coordinator));
    }

    [Theory]
    [InlineData("robin.zuercher@jiutracker.local")]
    [InlineData("ROBIN.ZUERCHER@jiutracker.local")]
    public void TheClaimer_CannotAcceptOrReturnTheirOwnClaim(string by)
    {
        var recommendation = Claimed();
        AttachPdf(recommendation);
        var self = Coordinator with { By = by };

        var accept = Assert.Throws<DomainRuleException>(() => recommendation.AcceptClaim(null, self));
        var giveBack = Assert.Throws<DomainRuleException>(() => recommendation.ReturnClaim("Not enough", self));

        Assert.Contains("yourself", accept.Message, StringComparison.Ordinal);
        Assert.Contains("yourself", giveBack.Message, StringComparison.Ordinal);
        Assert.True(recommendation.IsImplementationClaimed);
        Assert.Equal(ImplementationStatus.InProgress, recommendation.Implementation);
    }

    [Fact]
    public void Returning_KeepsThePreviousStatus_AndKeepsTheReasonForTheFocalPoint()
    {
        var recommendation = Claimed();

        recommendation.ReturnClaim("  The circular is a draft; attach the signed one.  ", Coordinator);

        Assert.Equal(ImplementationStatus.InProgress, recommendation.Implementation);
        Assert.Equal(ImplementationStatus.InProgress, recommendation.StatedImplementation);
        Assert.False(recommendation.IsImplementationClaimed);
        Assert.Equal(("The circular is a draft; attach the signed one.", Coordinator.By, Coordinator.At),
            (recommendation.ClaimReturnReason, recommendation.ClaimReturnedBy, recommendation.ClaimReturnedAt!.Value));
        Assert.Contains(recommendation.History, h => h.Field == HistoryField.ClaimReturned && h.NewValue == "The circular is a draft; attach the signed one.");
    }

    [Fact]
    public void Returning_NeedsAReason()
    {
        var recommendation = Claimed();

        Assert.Throws<DomainRuleException>(() => recommendation.ReturnClaim(" ", Coordinator));
        Assert.True(recommendation.IsImplementationClaimed);
    }

    [Fact]
    public void ClaimingAgain_AfterAReturn_ClearsTheReturnedNotice()
    {
        var recommendation = Claimed();
        recommendation.ReturnClaim("Attach the signed circular.", Coordinator);

        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, FocalPoint.With(10), ClosureValidation.Required);

        Assert.True(recommendation.IsImplementationClaimed);
        Assert.Null(recommendation.ClaimReturnedAt);
        Assert.Null(recommendation.ClaimReturnReason);
    }

    [Fact]
    public void DecidingWithoutAClaim_IsRefused()
    {
        var recommendation = InProgress();

        Assert.Throws<DomainRuleException>(() => recommendation.AcceptClaim("Fine", Coordinator));
        Assert.Throws<DomainRuleException>(() => recommendation.ReturnClaim("No", Coordinator));
    }

    [Fact]
    public void ImportingImplemented_CountsAsValidated_AndTheHistorySaysSo()
    {
        var recommendation = new Report(new ReportSymbol("REP", 2020, 8), "Business continuity").AddRecommendation(1, "Act.", null);

        recommendation.RecordImported(Acceptance.Accepted, ImplementationStatus.Implemented, null, FocalPoint);

        Assert.Equal(ImplementationStatus.Implemented, recommendation.Implementation);
        Assert.False(recommendation.IsImplementationClaimed);
        Assert.Contains(recommendation.History, h => h.Field == HistoryField.ClosureValidated && h.NewValue == ClosureClaims.ImportedCountsAsValidated);
    }
}

internal static class StampDays
{
    public static ChangeStamp With(this ChangeStamp stamp, int days) => stamp with { At = stamp.At.AddDays(days) };
}
