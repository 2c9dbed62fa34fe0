using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// A focal point or administrator who keeps opening the edit form of a recommendation they may edit and saving it with
/// a new comment (and now and then a new implementation status), as fast as the app answers.
/// </summary>
public sealed class EditingUser(int number, DemoAccount account, Uri baseAddress, string runTag, EditLog log) : IDisposable
{
    private readonly Random _random = new(number);

    private readonly AppClient _client = new(baseAddress);
    private IReadOnlyList<int> _editable = [];

    /// <summary>Signs in and finds the recommendations the account may edit; not part of the measured run.</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        await _client.SignInAsync(account.Email, DemoAccount.Password, ct);
        _editable = await EditableRecommendationsAsync(_client, ct);
    }

    /// <summary>Edits until <paramref name="stop"/>; a save already sent is awaited to its answer.</summary>
    public async Task EditAsync(CancellationToken stop)
    {
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                await EditOnceAsync(_client, _editable[_random.Next(_editable.Count)], attempt, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task EditOnceAsync(AppClient client, int id, int attempt, CancellationToken stop)
    {
        var path = $"/Recommendations/Edit/{id}";
        AppPage page;
        try
        {
            page = await client.GetPageAsync(path, stop);
            log.Answered(200);
        }
        catch (UnexpectedAnswerException answer)
        {
            log.Answered(answer.StatusCode);
            return;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended while the page was loading: nothing was asked of the app that needs an answer.
            return;
        }
        catch (Exception failure) when (Unanswered(failure))
        {
            // Also when the run has just ended: after a crash the refused connection is the app being down, not the end.
            log.NotAnswered();
            if (!stop.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }

            return;
        }

        var comment = $"{runTag} user {number} edit {attempt}";
        var implementation = NewImplementation(page.Form);
        var values = new Dictionary<string, string> { ["Input.NewComment"] = comment };
        if (implementation is not null)
        {
            values["Input.Implementation"] = implementation;
        }

        // A moment with the form open, as a person has: others may save meanwhile.
        await Task.Delay(_random.Next(0, 20), stop);
        try
        {
            // Once sent, the save runs to its answer even if the run is ending: its outcome must be known.
            using var response = await client.PostFormAsync(path, page.Form, values, CancellationToken.None);
            log.Answered((int)response.StatusCode);
            var (outcome, detail) = await ClassifyAsync(response);
            log.Add(new Edit(account.Email, id, comment, implementation, outcome, detail));
        }
        catch (Exception failure) when (Unanswered(failure))
        {
            log.NotAnswered();
            log.Add(new Edit(account.Email, id, comment, implementation, EditOutcome.Unanswered, failure.GetType().Name));
        }
    }

    /// <summary>For an accepted recommendation, half the time another implementation status than the stored one.</summary>
    private string? NewImplementation(IHtmlFormElement form)
    {
        var accepted = form.QuerySelector<IHtmlInputElement>("input[name='Input.Acceptance']:checked")?.Value == "Accepted";
        if (!accepted || _random.Next(2) == 0)
        {
            return null;
        }

        var others = form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Implementation']")
            .Where(radio => !radio.IsChecked && radio.Value.Length > 0)
            .Select(radio => radio.Value)
            .ToList();
        return others.Count == 0 ? null : others[_random.Next(others.Count)];
    }

    private static async Task<(EditOutcome, string?)> ClassifyAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return (EditOutcome.Acknowledged, null);
        }

        if (status >= 500)
        {
            return (EditOutcome.ServerError, status.ToString(CultureInfo.InvariantCulture));
        }

        var body = await response.Content.ReadAsStringAsync();
        if (status == 200 && body.Contains("Someone else saved this recommendation after you opened it", StringComparison.Ordinal))
        {
            return (EditOutcome.Conflict, null);
        }

        var message = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).QuerySelector(".validation-summary-errors")?.TextContent.Trim();
        return (EditOutcome.OtherRefusal, $"{status}: {message}");
    }

    private static async Task<IReadOnlyList<int>> EditableRecommendationsAsync(AppClient client, CancellationToken stop)
    {
        var reports = (await client.GetPageAsync("/Reports", stop)).Document
            .QuerySelectorAll<IHtmlAnchorElement>("a[href^='/Reports/Details/']")
            .Select(link => link.GetAttribute("href")!)
            .Distinct()
            .ToList();
        var editable = new List<int>();
        foreach (var report in reports)
        {
            editable.AddRange((await client.GetPageAsync(report, stop)).Document
                .QuerySelectorAll<IHtmlAnchorElement>("a[href^='/Recommendations/Edit/']")
                .Select(link => int.Parse(link.GetAttribute("href")!["/Recommendations/Edit/".Length..].Split('?', '#')[0], CultureInfo.InvariantCulture)));
        }

        return editable.Count > 0 ? [.. editable.Distinct()] : throw new InvalidOperationException("The user may edit no recommendation.");
    }

    private static bool Unanswered(Exception failure) => failure is HttpRequestException or IOException or TaskCanceledException;
}
