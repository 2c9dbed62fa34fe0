using System.Net;

namespace JiuTracker.Reliability;

/// <summary>How every simulated user loads a page, or sends a save: its answer counted in the run's log, or null when it did not come.</summary>
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

    /// <summary>
    /// Sends a save and counts its answer; once sent, it runs to its answer even if the run is ending, since its outcome
    /// must be known. Null when unanswered (logged as such).
    /// </summary>
    public static async Task<(HttpResponseMessage? Response, HttpStatusCode Status)> PostLoggedAsync(this EditLog log, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            var response = await send();
            log.Answered((int)response.StatusCode);
            return (response, response.StatusCode);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or TaskCanceledException)
        {
            log.NotAnswered();
            return (null, 0);
        }
    }

    /// <summary>How a save answered with anything but its acknowledgement is logged.</summary>
    public static EditOutcome Refusal(HttpStatusCode status) => (int)status >= 500 ? EditOutcome.ServerError : EditOutcome.OtherRefusal;

    /// <summary>The message a refused form came back with: the summary, a field's error or the page's alert.</summary>
    public static async Task<string?> RefusalMessageAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync())
            .QuerySelector(".validation-summary-errors, .field-validation-error, main .alert")?.TextContent.Trim();
}
