using JiuTracker.Reliability;

namespace JiuTracker.Tests.Reliability;

/// <summary>The short form of <c>scripts/soak.sh</c>: the same driver, against the app in its own process, for a few seconds.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class SoakTests
{
    [Fact]
    public async Task TwentyUsersEditingOverlappingRecommendations_AndACoordinatorRunningRounds_AndAFocalPointAttachingEvidence_AndAnAdministratorUnlockingAnAccount_AndAScriptOwnerRevokingTokens_AndSomeoneChangingLanguages_GetEveryAnswer_EveryAcknowledgedSaveIsStored_EveryRefusalIsAConflict()
    {
        using var folder = new RunFolder();

        var result = await Runs.SoakAsync(folder.Settings(users: 20, TimeSpan.FromSeconds(4)), CancellationToken.None);

        var report = new StringWriter();
        result.Print(report);
        Assert.True(result.Acknowledged > 0, report.ToString());
        Assert.True(result.AcknowledgedInWholeReports > 0, report.ToString());
        Assert.True(result.Log.SignOuts > 0, report.ToString());
        Assert.True(result.Log.SessionsLeftUsable == 0, report.ToString());
        Assert.True(result.Log.ServerErrors == 0, report.ToString());
        Assert.True(result.Log.Unanswered == 0, report.ToString());
        Assert.True(result.Findings.AcknowledgedMissing == 0, report.ToString());
        Assert.True(result.OtherRefusals == 0, report.ToString());
        Assert.True(result.Findings.ConflictsStored == 0, report.ToString());
        // The coordinator's rounds: opened with their e-mails in the outbox, reminded, closed with both documents.
        Assert.True(result.Log.Count(RoundStep.Close, EditOutcome.Acknowledged) > 0, report.ToString());
        Assert.True(result.Rounds.OpenedMissing == 0 && result.Rounds.OpenedPresent > 0, report.ToString());
        Assert.True(result.Rounds.OutboxRequests > 0 && result.Rounds.OutboxRequests == result.Rounds.OutboxRequestsSaid, report.ToString());
        Assert.True(result.Rounds.ClosedMissing == 0, report.ToString());
        Assert.True(result.Rounds.ClosedWithDocuments == result.Rounds.ClosedInDatabase, report.ToString());
        Assert.Empty(result.Rounds.Problems);
        // The evidence uploader's files: every acknowledged upload stored with its SHA-256, every withdrawal stored.
        Assert.True(result.Log.Count(EvidenceStep.Upload, EditOutcome.Acknowledged) > 0, report.ToString());
        Assert.True(result.Evidence.UploadsMissing == 0 && result.Evidence.UploadsPresent == result.Log.Count(EvidenceStep.Upload, EditOutcome.Acknowledged), report.ToString());
        Assert.True(result.Evidence.WithdrawalsMissing == 0, report.ToString());
        Assert.Empty(result.Evidence.Problems);
        Assert.True(result.Claims.AcceptsPresent + result.Claims.ReturnsPresent > 0, report.ToString());
        Assert.True(result.Claims.AcceptsMissing == 0 && result.Claims.ReturnsMissing == 0, report.ToString());
        Assert.Empty(result.Claims.Problems);
        // The auditor locked by wrong passwords, refused as locked, unlocked by the administrator, signed in again.
        Assert.True(result.Log.Count(wasLocked: true, EditOutcome.Acknowledged) > 0 && result.Log.LockoutsSeen > 0 && result.Log.SignInsAfterUnlock > 0, report.ToString());
        Assert.True(result.Unlocks.AcknowledgedMissing == 0 && result.Unlocks.AcknowledgedPresent == result.Log.Count(wasLocked: true, EditOutcome.Acknowledged), report.ToString());
        Assert.Empty(result.Unlocks.Problems);
        Assert.Empty(result.Log.LockingProblems);
        // The script user's tokens: each acknowledged creation and revocation stored with its audit entry; the API
        // accepted each new token and refused each revoked one, and at the end still refuses the revoked and accepts the kept.
        Assert.True(result.Log.Count(TokenStep.Revoke, EditOutcome.Acknowledged) > 0 && result.Log.ApiReadsWithToken > 0 && result.Log.ApiRefusalsAfterRevoke > 0, report.ToString());
        Assert.True(result.Tokens.CreatedMissing == 0 && result.Tokens.CreatedPresent == result.Log.Count(TokenStep.Create, EditOutcome.Acknowledged), report.ToString());
        Assert.True(result.Tokens.RevokedMissing == 0 && result.Tokens.RevokedPresent == result.Log.Count(TokenStep.Revoke, EditOutcome.Acknowledged), report.ToString());
        Assert.True(result.Tokens.Answers.RevokedRefused == result.Tokens.Answers.RevokedAsked && result.Tokens.Answers.KeptAsked > 0 && result.Tokens.Answers.KeptAccepted == result.Tokens.Answers.KeptAsked, report.ToString());
        Assert.Empty(result.Tokens.Problems);
        Assert.Empty(result.Log.TokenProblems);
        // The language chooser: each acknowledged choice in the audit log, in order, and the account keeps the last one.
        Assert.True(result.Languages.AcknowledgedPresent > 0 && result.Languages.AcknowledgedMissing == 0, report.ToString());
        Assert.Empty(result.Languages.Problems);
        Assert.Empty(result.Log.LanguageProblems);
        Assert.Equal("ok", result.Findings.IntegrityCheck);
        Assert.True(result.Passed, report.ToString());
    }
}
