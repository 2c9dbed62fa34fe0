using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// A focal point or administrator who keeps opening the edit form of a recommendation they may edit and saving it with
/// a new comment (and now and then a new implementation status), as fast as the app answers; one save in four is of a
/// whole report's matrix instead, changing a few of its rows at once, and one in twelve an update workbook's round trip.
/// </summary>
public sealed class EditingUser(int number, DemoAccount account, Uri baseAddress, string runTag, EditLog log) : IDisposable
{
    private readonly Random _random = new(number);

    private readonly AppClient _client = new(baseAddress);
    private IReadOnlyList<int> _editable = [];
    private IReadOnlyList<int> _editableReports = [];

    /// <summary>Signs in and finds the recommendations the account may edit; not part of the measured run.</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        await _client.SignInAsync(account.Email, DemoAccount.Password, ct);
        (_editable, _editableReports) = await EditableAsync(_client, ct);
    }

    /// <summary>Edits until <paramref name="stop"/>; a save already sent is awaited to its answer.</summary>
    public async Task EditAsync(CancellationToken stop)
    {
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                var kind = _random.Next(12);
                if (kind < 3)
                {
                    await SaveWholeReportOnceAsync(_client, _editableReports[_random.Next(_editableReports.Count)], attempt, stop);
                }
                else if (kind == 3)
                {
                    await UploadWorkbookOnceAsync(_client, _editableReports[_random.Next(_editableReports.Count)], attempt, stop);
                }
                else
                {
                    await EditOnceAsync(_client, _editable[_random.Next(_editable.Count)], attempt, stop);
                }
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
        if (await client.LoadLoggedAsync(log, path, stop) is not { } page)
        {
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

    /// <summary>Opens the report's matrix for editing, changes a few rows, saves once; each row's outcome is logged.</summary>
    private async Task SaveWholeReportOnceAsync(AppClient client, int reportId, int attempt, CancellationToken stop)
    {
        var path = $"/Reports/Update/{reportId}";
        if (await client.LoadLoggedAsync(log, path, stop) is not { } page)
        {
            return;
        }

        var changes = WholeReportSave.ChooseRows(page.Form, _random, $"{runTag} user {number} edit {attempt}");
        await Task.Delay(_random.Next(0, 20), stop);
        try
        {
            using var response = await client.PostFormAsync(path, page.Form, WholeReportSave.Values(changes), CancellationToken.None);
            log.Answered((int)response.StatusCode);
            foreach (var (change, (outcome, detail)) in await WholeReportSave.ClassifyAsync(response, changes))
            {
                log.Add(new Edit(account.Email, change.RecommendationId, change.Comment, change.Implementation, outcome, detail, Path: EditPath.WholeReport));
            }
        }
        catch (Exception failure) when (Unanswered(failure))
        {
            log.NotAnswered();
            foreach (var change in changes)
            {
                log.Add(new Edit(account.Email, change.RecommendationId, change.Comment, change.Implementation, EditOutcome.Unanswered, failure.GetType().Name, Path: EditPath.WholeReport));
            }
        }
    }

    /// <summary>
    /// Downloads the report's update workbook (from the link on its page), fills in a few rows, uploads it and applies
    /// the preview; each filled-in row's outcome is logged.
    /// </summary>
    private async Task UploadWorkbookOnceAsync(AppClient client, int reportId, int attempt, CancellationToken stop)
    {
        if (await client.LoadLoggedAsync(log, $"/Reports/Details/{reportId}", stop) is not { } report)
        {
            return;
        }

        var download = report.Document.QuerySelector<IHtmlAnchorElement>("a[href*='update-workbook.xlsx']")?.GetAttribute("href")
            ?? throw new InvalidOperationException($"The page of report {reportId} offers no update workbook to its editor.");
        byte[] workbook;
        try
        {
            using var response = await client.Http.GetAsync(new Uri(download, UriKind.Relative), stop);
            log.Answered((int)response.StatusCode);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return;
            }

            workbook = await response.Content.ReadAsByteArrayAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception failure) when (Unanswered(failure))
        {
            log.NotAnswered();
            return;
        }

        var (file, changes) = WorkbookRoundTrip.FillIn(workbook, _random, $"{runTag} user {number} edit {attempt}");
        await Task.Delay(_random.Next(0, 20), stop);
        try
        {
            // Once uploaded, the round trip runs to its end even if the run is ending: its outcome must be known.
            var (preview, status) = await WorkbookRoundTrip.UploadAsync(client, file, CancellationToken.None);
            log.Answered(status);
            if (preview is null)
            {
                LogAll(changes, status >= 500 ? EditOutcome.ServerError : EditOutcome.OtherRefusal, $"upload answered {status}");
                return;
            }

            var conflicts = WorkbookRoundTrip.Conflicts(preview);
            var listed = WorkbookRoundTrip.Changes(preview);
            var apply = WorkbookRoundTrip.ApplyForm(preview);
            HttpStatusCode? applied = null;
            string? said = null;
            if (apply is not null)
            {
                using var response = await client.PostFormAsync("/Updates/Upload?handler=Apply", apply, new Dictionary<string, string>(), CancellationToken.None);
                log.Answered((int)response.StatusCode);
                applied = response.StatusCode;
                if (applied == HttpStatusCode.Redirect)
                {
                    // Rows changed by others between the preview and the confirmation are not applied: the next page says which.
                    var (notApplied, message) = await WorkbookRoundTrip.NotAppliedAsync(client, response.Headers.Location!, CancellationToken.None);
                    conflicts.UnionWith(notApplied);
                    said = $"{response.Headers.Location}: {message}";
                    log.Answered(200);
                }
            }

            foreach (var change in changes)
            {
                var (outcome, detail) = conflicts.Contains(change.Subject) ? (EditOutcome.Conflict, (string?)null)
                    : !listed.Contains(change.Subject) ? (EditOutcome.OtherRefusal, $"the preview did not list {change.Subject} as a change")
                    : applied == HttpStatusCode.Redirect ? (EditOutcome.Acknowledged, said)
                    : ((int?)applied >= 500 ? EditOutcome.ServerError : EditOutcome.OtherRefusal, $"apply answered {(int?)applied}");
                log.Add(new Edit(account.Email, change.RecommendationId, change.Comment, null, outcome, detail, Path: EditPath.Workbook));
            }
        }
        catch (Exception failure) when (Unanswered(failure))
        {
            log.NotAnswered();
            LogAll(changes, EditOutcome.Unanswered, failure.GetType().Name);
        }
    }

    private void LogAll(IEnumerable<WorkbookRoundTrip.RowChange> changes, EditOutcome outcome, string? detail)
    {
        foreach (var change in changes)
        {
            log.Add(new Edit(account.Email, change.RecommendationId, change.Comment, null, outcome, detail, Path: EditPath.Workbook));
        }
    }
    /// <summary>The recommendations the user may edit, and the reports they belong to.</summary>
    private static async Task<(IReadOnlyList<int> Recommendations, IReadOnlyList<int> Reports)> EditableAsync(AppClient client, CancellationToken stop)
    {
        var reports = (await client.GetPageAsync("/Reports", stop)).Document
            .QuerySelectorAll<IHtmlAnchorElement>("a[href^='/Reports/Details/']")
            .Select(link => link.GetAttribute("href")!)
            .Distinct()
            .ToList();
        var editable = new List<int>();
        var editableReports = new List<int>();
        foreach (var report in reports)
        {
            var links = (await client.GetPageAsync(report, stop)).Document
                .QuerySelectorAll<IHtmlAnchorElement>("a[href^='/Recommendations/Edit/']")
                .Select(link => int.Parse(link.GetAttribute("href")!["/Recommendations/Edit/".Length..].Split('?', '#')[0], CultureInfo.InvariantCulture))
                .ToList();
            editable.AddRange(links);
            if (links.Count > 0)
            {
                editableReports.Add(int.Parse(report["/Reports/Details/".Length..], CultureInfo.InvariantCulture));
            }
        }

        return editable.Count > 0 ? ([.. editable.Distinct()], editableReports) : throw new InvalidOperationException("The user may edit no recommendation.");
    }

    private static bool Unanswered(Exception failure) => failure is HttpRequestException or IOException or TaskCanceledException;
}
