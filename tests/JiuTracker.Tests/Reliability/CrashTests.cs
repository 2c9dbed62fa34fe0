using JiuTracker.Reliability;

namespace JiuTracker.Tests.Reliability;

/// <summary>The short form of <c>scripts/crash.sh</c>: the app killed with SIGKILL in a burst of saves, then started again.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class CrashTests
{
    [Fact]
    public async Task AppKilledInABurstOfSaves_RestartsOnTheSameFile_WithEveryAcknowledgedSave_AndAnIntactDatabase()
    {
        using var folder = new RunFolder();

        var result = await Runs.CrashAsync(folder.Settings(users: 10, TimeSpan.FromSeconds(4), crashAfter: TimeSpan.FromSeconds(2)), CancellationToken.None);

        var report = new StringWriter();
        result.Print(report);
        Assert.True(result.Acknowledged > 0, report.ToString());
        // Requests went unanswered, so the kill did fall into the burst.
        Assert.True(result.Log.Unanswered > 0, report.ToString());
        Assert.True(result.RestartServesLastSave, report.ToString());
        Assert.True(result.Findings.AcknowledgedMissing == 0, report.ToString());
        Assert.True(result.Findings.ConflictsStored == 0, report.ToString());
        // An unlock acknowledged before the kill keeps its audit entry, and the account is not left locked by a lost one.
        Assert.True(result.Log.Count(wasLocked: true, EditOutcome.Acknowledged) > 0, report.ToString());
        Assert.True(result.Unlocks.AcknowledgedMissing == 0, report.ToString());
        Assert.Empty(result.Unlocks.Problems);
        // A token created or revoked before the kill is stored so, with its audit entry; the restarted app refuses each
        // token whose revocation was acknowledged and accepts the one kept.
        Assert.True(result.Log.Count(TokenStep.Revoke, EditOutcome.Acknowledged) > 0, report.ToString());
        Assert.True(result.Tokens.CreatedMissing == 0 && result.Tokens.RevokedMissing == 0, report.ToString());
        Assert.True(result.Tokens.Answers.RevokedRefused == result.Tokens.Answers.RevokedAsked && result.Tokens.Answers.KeptAsked > 0 && result.Tokens.Answers.KeptAccepted == result.Tokens.Answers.KeptAsked, report.ToString());
        Assert.Empty(result.Tokens.Problems);
        // The language chooser's acknowledged choices survive the kill, in order, and the account keeps the last one.
        Assert.True(result.Languages.AcknowledgedPresent > 0 && result.Languages.AcknowledgedMissing == 0, report.ToString());
        Assert.Empty(result.Languages.Problems);
        Assert.Equal("ok", result.Findings.IntegrityCheck);
        Assert.True(result.Passed, report.ToString());
    }
}
