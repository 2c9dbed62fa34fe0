using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// The follow-up coordinator, working while the editors do: opens a round over the reports the Open page ticks by
/// default (decision 030), reminds one or two of its focal points by hand, closes it, and again. Each
/// step is a save the app acknowledges with a redirect; the page it redirects to says what was written (the number of
/// e-mails put in the outbox, the round closed), and the driver keeps that to check against the database afterwards.
/// </summary>
/// <param name="email">The demo coordinator by default; any account that may run rounds (an administrator) will do.</param>
public sealed partial class Coordinator(Uri baseAddress, string runTag, EditLog log, string email = Coordinator.Email, string password = DemoAccount.Password) : IDisposable
{
    public const string Email = "coordinator@jiutracker.local";

    private readonly Random _random = new(7919);
    private readonly AppClient _client = new(baseAddress);

    public Task SignInAsync(CancellationToken ct) => _client.SignInAsync(email, password, ct);

    /// <summary>Rounds until <paramref name="stop"/>; a save already sent is awaited to its answer.</summary>
    public async Task RunRoundsAsync(CancellationToken stop)
    {
        for (var number = 1; !stop.IsCancellationRequested; number++)
        {
            try
            {
                if (await OpenAsync($"{runTag} round {number}", stop) is not { } round)
                {
                    // Nothing opened (the app down after a crash, or a refusal already logged): try again shortly.
                    await Task.Delay(200, stop);
                    continue;
                }

                for (var reminders = _random.Next(1, 3); reminders > 0 && !stop.IsCancellationRequested; reminders--)
                {
                    await Task.Delay(_random.Next(0, 50), stop);
                    await RemindAsync(round, stop);
                }

                await Task.Delay(_random.Next(0, 50), stop);
                await CloseAsync(round, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Opens a round over the reports the form ticks by default; logged with what the app said it wrote.</summary>
    /// <returns>The round's id when the app acknowledged the opening.</returns>
    public async Task<int?> OpenAsync(string name, CancellationToken stop)
    {
        if (await _client.LoadLoggedAsync(log, "/Rounds/Open", stop) is not { } page)
        {
            return null;
        }

        var form = page.Form;
        var fields = AppPage.FieldsOf(form).Where(f => f.Key is not ("Name" or "DueDate" or "Message" or "ReportIds")).ToList();
        fields.Add(new("Name", name));
        fields.Add(new("DueDate", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        fields.Add(new("Message", $"Please update your recommendations ({name})."));
        var reports = form.QuerySelectorAll<IHtmlInputElement>("input[name='ReportIds']").Where(box => box.IsChecked).Select(box => box.Value).ToList();
        fields.AddRange(reports.Select(id => new KeyValuePair<string, string>("ReportIds", id)));

        var (response, status) = await log.PostLoggedAsync(() => _client.PostFieldsAsync("/Rounds/Open", fields, CancellationToken.None));
        using (response)
        {
            if (response is null)
            {
                log.Add(new RoundAction(RoundStep.Open, null, name, null, EditOutcome.Unanswered, "no answer"));
                return null;
            }

            if (status != HttpStatusCode.Redirect || ProgressId(response) is not { } id)
            {
                log.Add(new RoundAction(RoundStep.Open, null, name, null, LoggedPages.Refusal(status), $"{(int)status}: {await LoggedPages.RefusalMessageAsync(response)}"));
                return null;
            }

            // The page the app redirected to says how many e-mails it wrote (TempData, shown once).
            var said = await StatusAfterAsync(response);
            var emails = said is null ? null : EmailsWritten().Match(said) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
            log.Add(new RoundAction(RoundStep.Open, id, name, emails, EditOutcome.Acknowledged, said));
            return id;
        }
    }

    private async Task RemindAsync(int round, CancellationToken stop)
    {
        if (await _client.LoadLoggedAsync(log, $"/Rounds/Remind/{round}", stop) is not { } page)
        {
            return;
        }

        var forms = page.Document.QuerySelectorAll<IHtmlFormElement>("main form").Where(f => f.QuerySelector("input[name='userId']") is not null).ToList();
        if (forms.Count == 0)
        {
            return;
        }

        var form = forms[_random.Next(forms.Count)];
        var userId = form.QuerySelector<IHtmlInputElement>("input[name='userId']")!.Value;
        var (response, status) = await log.PostLoggedAsync(() => _client.PostFieldsAsync($"/Rounds/Remind/{round}", AppPage.FieldsOf(form), CancellationToken.None));
        using (response)
        {
            log.Add(response is null
                ? new RoundAction(RoundStep.Remind, round, userId, null, EditOutcome.Unanswered, "no answer")
                : status == HttpStatusCode.Redirect
                    ? new RoundAction(RoundStep.Remind, round, userId, 1, EditOutcome.Acknowledged, null)
                    : new RoundAction(RoundStep.Remind, round, userId, null, LoggedPages.Refusal(status), $"{(int)status}: {await LoggedPages.RefusalMessageAsync(response)}"));
        }
    }

    private async Task CloseAsync(int round, CancellationToken stop)
    {
        if (await _client.LoadLoggedAsync(log, $"/Rounds/Close/{round}", stop) is not { } page)
        {
            return;
        }

        var (response, status) = await log.PostLoggedAsync(() => _client.PostFieldsAsync($"/Rounds/Close/{round}", AppPage.FieldsOf(page.Form), CancellationToken.None));
        using (response)
        {
            if (response is null)
            {
                log.Add(new RoundAction(RoundStep.Close, round, "", null, EditOutcome.Unanswered, "no answer"));
                return;
            }

            // The app redirects to the progress page either way; that page says whether it closed the round.
            var said = status == HttpStatusCode.Redirect ? await StatusAfterAsync(response) : null;
            if (status == HttpStatusCode.Redirect && said is null)
            {
                // The page that says it did not come (the app was killed meanwhile): the close may or may not be stored.
                log.Add(new RoundAction(RoundStep.Close, round, "", null, EditOutcome.Unanswered, "no page after the redirect"));
                return;
            }

            log.Add(said?.StartsWith("The round is closed.", StringComparison.Ordinal) == true
                ? new RoundAction(RoundStep.Close, round, "", null, EditOutcome.Acknowledged, said)
                : new RoundAction(RoundStep.Close, round, "", null, LoggedPages.Refusal(status), $"{(int)status}: {said ?? await LoggedPages.RefusalMessageAsync(response)}"));
        }
    }

    /// <summary>The status or problem message of the page a redirect leads to; null when that page did not come.</summary>
    private async Task<string?> StatusAfterAsync(HttpResponseMessage redirect)
    {
        try
        {
            var page = await _client.GetPageAsync(redirect.Headers.Location!.OriginalString, CancellationToken.None);
            log.Answered(200);
            return page.Document.QuerySelector("main .alert")?.TextContent.Trim();
        }
        catch (UnexpectedAnswerException answer)
        {
            log.Answered(answer.StatusCode);
            return null;
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or TaskCanceledException)
        {
            log.NotAnswered();
            return null;
        }
    }

    private static int? ProgressId(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString is { } location && ProgressPath().Match(location) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"/Rounds/Progress/(\d+)")]
    private static partial Regex ProgressPath();

    [GeneratedRegex(@": (\d+) e-mail\(s\) to focal points are in the outbox")]
    private static partial Regex EmailsWritten();
}
