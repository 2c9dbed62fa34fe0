using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// A coordinator validating claimed implementations while the editors claim them (decision 032): opens the queue, picks
/// a claim that is not its own, opens its decision page and accepts it with a justification or returns it with a
/// reason, at random; now and then it sends a return without a reason, which must be refused. Each decision is
/// acknowledged with a redirect to the queue, or refused on the page with its message; the driver keeps both to check
/// against the database afterwards.
/// </summary>
/// <param name="email">The demo coordinator by default; an administrator, who also claims as an editor, skips its own claims.</param>
public sealed partial class Validator(Uri baseAddress, string runTag, EditLog log, string email = Coordinator.Email, int seed = 15485863) : IDisposable
{
    private const string ChangedMeanwhile = "was changed after you opened it";
    private const string ReasonMissing = "Give the reason for returning";

    private readonly Random _random = new(seed);
    private readonly AppClient _client = new(baseAddress);

    public Task SignInAsync(CancellationToken ct) => _client.SignInAsync(email, DemoAccount.Password, ct);

    /// <summary>Decides until <paramref name="stop"/>; a decision already sent is awaited to its answer.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                if (!await DecideOnceAsync(attempt, stop))
                {
                    // An empty queue, or the app down after a crash: look again shortly.
                    await Task.Delay(100, stop);
                }

                await Task.Delay(_random.Next(0, 50), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    /// <returns>Whether a decision was sent.</returns>
    private async Task<bool> DecideOnceAsync(int attempt, CancellationToken stop)
    {
        if (await _client.LoadLoggedAsync(log, "/Validation", stop) is not { } queue)
        {
            return false;
        }

        var rows = queue.Document.QuerySelectorAll("tr[id^='claim-']").ToList();
        var decidable = rows.Select(row => row.QuerySelector<IHtmlAnchorElement>("a[href^='/Validation/Decide/']")?.GetAttribute("href")).OfType<string>().ToList();
        log.SkippedOwnClaims(rows.Count - decidable.Count);
        if (decidable.Count == 0)
        {
            return false;
        }

        var path = decidable[_random.Next(decidable.Count)];
        var id = int.Parse(path["/Validation/Decide/".Length..], CultureInfo.InvariantCulture);
        if (await _client.LoadLoggedAsync(log, path, stop) is not { } page)
        {
            return false;
        }

        // Decided or changed since the queue was read: the page offers no form, and there is nothing to decide.
        var accept = page.Document.QuerySelector<IHtmlFormElement>("form[action*='handler=Accept']");
        var @return = page.Document.QuerySelector<IHtmlFormElement>("form[action*='handler=Return']");
        if (accept is null || @return is null || ClaimedBy().Match(page.Document.GetElementById("claim")?.TextContent ?? "") is not { Success: true } claimer)
        {
            return false;
        }

        // A moment with the page open, as a person reads the evidence: the claim may change meanwhile.
        await Task.Delay(_random.Next(0, 30), stop);
        // Unique in the run: the other validator counts its attempts too.
        var label = $"{runTag} validation {attempt} by {email[..email.IndexOf('@', StringComparison.Ordinal)]}";
        var roll = _random.Next(10);
        var (step, form, field, text) = roll switch
        {
            < 5 => (DecisionStep.Accept, accept, "Justification", $"Circular seen in the mission report ({label})"),
            < 9 => (DecisionStep.Return, @return, "Reason", $"Attach the circular that shows it ({label})"),
            _ => (DecisionStep.Return, @return, "Reason", ""),
        };
        var (response, _) = await log.PostLoggedAsync(() => _client.PostFormAsync(form.GetAttribute("action")!, form, new Dictionary<string, string> { [field] = text }, CancellationToken.None));
        using var answer = response;
        var claimedBy = claimer.Groups[1].Value;
        if (response is null)
        {
            log.Add(new ClaimDecision(step, email, id, claimedBy, text, EditOutcome.Unanswered, "no answer"));
            return true;
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/Validation")
        {
            log.Add(new ClaimDecision(step, email, id, claimedBy, text, text.Length == 0 ? EditOutcome.OtherRefusal : EditOutcome.Acknowledged,
                text.Length == 0 ? "a return without a reason was acknowledged" : null));
            return true;
        }

        var message = status >= 500 ? null : await LoggedPages.RefusalMessageAsync(response);
        var expected = status == 200 && message is not null &&
            (message.Contains(ChangedMeanwhile, StringComparison.Ordinal) || (text.Length == 0 && message.Contains(ReasonMissing, StringComparison.Ordinal)));
        log.Add(new ClaimDecision(step, email, id, claimedBy, text,
            expected ? EditOutcome.Conflict : LoggedPages.Refusal(response.StatusCode), $"{status}: {message}"));
        return true;
    }

    [GeneratedRegex(@"claimed by (\S+) on \d{4}-")]
    private static partial Regex ClaimedBy();
}
