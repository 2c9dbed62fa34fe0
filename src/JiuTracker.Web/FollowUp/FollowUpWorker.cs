using Microsoft.Extensions.Options;

namespace JiuTracker.Web.FollowUp;

/// <summary>Runs <see cref="FollowUpCycle"/> at start and then every <see cref="FollowUpOptions.CheckEverySeconds"/>, on the app's clock.</summary>
public sealed partial class FollowUpWorker(FollowUpCycle cycle, IOptions<FollowUpOptions> options, TimeProvider time, ILogger<FollowUpWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(options.Value.CheckEverySeconds, 1)), time);
        do
        {
            try
            {
                await cycle.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass tries again: the outbox keeps everything until it is delivered.
                LogPassFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of the follow-up's reminders and outbox failed; the next one tries again.")]
    private static partial void LogPassFailed(ILogger logger, Exception error);
}
