namespace JiuTracker.Reliability;

/// <summary>How every simulated user loads a page: its answer counted in the run's log, or null when it did not come.</summary>
public static class LoggedPages
{
    /// <summary>The page, or null when it did not come (logged as such), or the run ended while it loaded.</summary>
    public static async Task<AppPage?> LoadLoggedAsync(this AppClient client, EditLog log, string path, CancellationToken stop)
    {
        try
        {
            var page = await client.GetPageAsync(path, stop);
            log.Answered(200);
            return page;
        }
        catch (UnexpectedAnswerException answer)
        {
            log.Answered(answer.StatusCode);
            return null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended while the page was loading: nothing was asked of the app that needs an answer.
            return null;
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or TaskCanceledException)
        {
            // Also when the run has just ended: after a crash the refused connection is the app being down, not the end.
            log.NotAnswered();
            if (!stop.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }

            return null;
        }
    }
}
