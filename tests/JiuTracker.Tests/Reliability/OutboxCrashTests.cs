using JiuTracker.Reliability;

namespace JiuTracker.Tests.Reliability;

/// <summary>
/// The short form of <c>scripts/outbox-crash.sh</c>: a round e-mails 50 focal points over a real SMTP server on
/// 127.0.0.1; the app is killed with SIGKILL while the server takes one of the messages, then started again.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class OutboxCrashTests
{
    [Fact]
    public async Task AppKilledWhileDeliveringARound_Restarted_DeliversEveryOutboxRow_AndOnlyTheMessageInFlightTwice()
    {
        using var folder = new RunFolder();

        var result = await OutboxCrash.RunAsync(new OutboxCrashSettings(RunFolder.AppDll, folder.DatabasePath, Reports: 150, KillAt: 16, ClaimSeconds: 3), CancellationToken.None);

        var report = new StringWriter();
        result.Print(report);
        Assert.True(result.Opened && result.Rows > 16, report.ToString());
        // The kill fell into the delivery: some rows were recorded as sent, not all.
        Assert.True(result.SentAtKill is > 0 and < 16, report.ToString());
        Assert.True(result.Pending == 0 && result.GivenUp == 0 && result.Sent == result.Rows, report.ToString());
        Assert.Empty(result.Missing);
        Assert.Empty(result.Unknown);
        // The message the server took at the kill was never recorded as sent: it comes again, with the same Message-ID.
        Assert.Equal(["jiutracker-outbox-16@reliability.test"], result.Duplicates);
        Assert.Equal(result.Rows + 1, result.Received);
        Assert.Equal("ok", result.IntegrityCheck);
        Assert.True(result.Passed, report.ToString());
    }
}
