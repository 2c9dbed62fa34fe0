using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// A focal point who, while the editors work, keeps attaching a small PDF as evidence to one of their report's
/// recommendations, and now and then withdraws a file they attached, with a reason. Each save is acknowledged with a
/// redirect; the driver keeps the SHA-256 of the bytes sent, to check against the database afterwards.
/// </summary>
public sealed class EvidenceUploader(Uri baseAddress, string runTag, EditLog log, string email = EvidenceUploader.Email, string reportSymbol = EvidenceUploader.Report) : IDisposable
{
    public const string Email = "anders.norsker@jiutracker.local";

    public const string Report = "JIU/REP/2021/3";

    private readonly Random _random = new(104729);
    private readonly AppClient _client = new(baseAddress);
    private readonly List<int> _withdrawable = [];
    private int _recommendation;

    /// <summary>Signs in and finds the first recommendation of the report with an evidence page; not part of the measured run.</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        await _client.SignInAsync(email, DemoAccount.Password, ct);
        var reports = (await _client.GetPageAsync("/Reports", ct)).Document
            .QuerySelectorAll<IHtmlAnchorElement>("a[href^='/Reports/Details/']")
            .Select(link => link.GetAttribute("href")!)
            .Distinct()
            .ToList();
        foreach (var report in reports)
        {
            var page = await _client.GetPageAsync(report, ct);
            if (page.Document.QuerySelector("h1")?.TextContent.Contains(reportSymbol, StringComparison.Ordinal) != true)
            {
                continue;
            }

            var evidence = page.Document.QuerySelector<IHtmlAnchorElement>("a[href^='/Recommendations/Evidence/']")?.GetAttribute("href")
                ?? throw new InvalidOperationException($"The page of {reportSymbol} links to no evidence page.");
            _recommendation = int.Parse(evidence["/Recommendations/Evidence/".Length..].Split('?', '#')[0], CultureInfo.InvariantCulture);
            return;
        }

        throw new InvalidOperationException($"{email} finds no report {reportSymbol}.");
    }

    /// <summary>Uploads (and sometimes withdraws) until <paramref name="stop"/>; a save already sent is awaited to its answer.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                if (_withdrawable.Count > 0 && _random.Next(3) == 0)
                {
                    await WithdrawOnceAsync(attempt, stop);
                }
                else
                {
                    await UploadOnceAsync(attempt, stop);
                }

                await Task.Delay(_random.Next(20, 100), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private string PagePath => $"/Recommendations/Evidence/{_recommendation}";

    private async Task UploadOnceAsync(int attempt, CancellationToken stop)
    {
        if (await _client.LoadLoggedAsync(log, PagePath, stop) is not { } page)
        {
            return;
        }

        var form = page.Document.QuerySelector<IHtmlFormElement>("form#upload")
            ?? throw new InvalidOperationException($"{email} is offered no upload form on {PagePath}.");
        var label = $"{runTag} evidence {attempt}";
        var bytes = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {label} {Guid.NewGuid():N}\n%%EOF\n");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var fileName = $"evidence-{sha256[..12]}.pdf";
        var values = new Dictionary<string, string>
        {
            ["Upload.Description"] = $"Circular supporting the status ({label})",
            ["Upload.EffectiveOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-_random.Next(0, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        var (response, status) = await log.PostLoggedAsync(() => _client.PostMultipartAsync(ActionOf(form), form, values, "file", fileName, bytes, "application/pdf", CancellationToken.None));
        using (response)
        {
            if (response is null)
            {
                log.Add(new EvidenceAction(EvidenceStep.Upload, _recommendation, null, fileName, sha256, values["Upload.Description"], EditOutcome.Unanswered, "no answer"));
                return;
            }

            if (status != HttpStatusCode.Redirect)
            {
                log.Add(new EvidenceAction(EvidenceStep.Upload, _recommendation, null, fileName, sha256, values["Upload.Description"], LoggedPages.Refusal(status), $"{(int)status}: {await LoggedPages.RefusalMessageAsync(response)}"));
                return;
            }

            // The page it redirects to lists the file: its row gives the id to withdraw it by later.
            var id = await EvidenceIdAfterAsync(response, sha256);
            if (id is { } known)
            {
                _withdrawable.Add(known);
            }

            log.Add(new EvidenceAction(EvidenceStep.Upload, _recommendation, id, fileName, sha256, values["Upload.Description"], EditOutcome.Acknowledged, null));
        }
    }

    private async Task WithdrawOnceAsync(int attempt, CancellationToken stop)
    {
        var id = _withdrawable[_random.Next(_withdrawable.Count)];
        if (await _client.LoadLoggedAsync(log, PagePath, stop) is not { } page)
        {
            return;
        }

        var form = page.Document.QuerySelector<IHtmlFormElement>($"form#withdraw-{id}");
        var row = page.Document.QuerySelector($"tr#evidence-{id}");
        var sha256 = row?.QuerySelector("code.sha256")?.TextContent.Trim() ?? "";
        var fileName = row?.QuerySelector("th a")?.TextContent.Trim() ?? "";
        if (form is null)
        {
            // Already withdrawn (an earlier answer lost), or no longer listed: nothing to withdraw.
            _withdrawable.Remove(id);
            return;
        }

        var reason = $"Attached by mistake ({runTag} withdrawal {attempt})";
        var (response, status) = await log.PostLoggedAsync(() => _client.PostFormAsync(ActionOf(form), form, new Dictionary<string, string> { ["Withdraw.Reason"] = reason }, CancellationToken.None));
        using (response)
        {
            if (response is null)
            {
                log.Add(new EvidenceAction(EvidenceStep.Withdraw, _recommendation, id, fileName, sha256, reason, EditOutcome.Unanswered, "no answer"));
                return;
            }

            _withdrawable.Remove(id);
            log.Add(status == HttpStatusCode.Redirect
                ? new EvidenceAction(EvidenceStep.Withdraw, _recommendation, id, fileName, sha256, reason, EditOutcome.Acknowledged, null)
                : new EvidenceAction(EvidenceStep.Withdraw, _recommendation, id, fileName, sha256, reason, LoggedPages.Refusal(status), $"{(int)status}: {await LoggedPages.RefusalMessageAsync(response)}"));
        }
    }

    private string ActionOf(IHtmlFormElement form) => form.GetAttribute("action") is { Length: > 0 } action ? action : PagePath;

    /// <summary>The id of the listed file with this SHA-256 on the page a redirect leads to; null when that page did not come.</summary>
    private async Task<int?> EvidenceIdAfterAsync(HttpResponseMessage redirect, string sha256)
    {
        if (await _client.LoadLoggedAsync(log, redirect.Headers.Location!.OriginalString, CancellationToken.None) is not { } page)
        {
            return null;
        }

        var row = page.Document.QuerySelectorAll("tr[id^='evidence-']")
            .FirstOrDefault(r => r.QuerySelector("code.sha256")?.TextContent.Trim() == sha256);
        return row is null ? null : int.Parse(row.Id!["evidence-".Length..], CultureInfo.InvariantCulture);
    }
}
