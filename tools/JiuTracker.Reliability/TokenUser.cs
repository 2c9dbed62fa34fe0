using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// A script's owner who keeps making personal access tokens (decision 041): creates one on the account's tokens page,
/// reads the reports and the figures of the API with it, with a read-write one also adds a comment through the API
/// (<see cref="ApiWriter"/>, with If-Match), revokes it on the same page, and sees the API refuse it. Each
/// creation and revocation is kept with the token's name, unique to the run, to find it and its audit entries
/// afterwards. One token, created before the run, is never revoked: it must still work at the end. The account is one
/// the administrator creates for it before the run, since every demo account is taken by another simulated user (and
/// the one that keeps signing out would end this one's session).
/// </summary>
public sealed class TokenUser(Uri baseAddress, string runTag, EditLog log, string email = TokenUser.Email, string administrator = Unlocker.Administrator) : IDisposable
{
    /// <summary>
    /// An administrator's account made for the run (reads everything, and writes any report's comments with a read-write
    /// token): no other simulated user signs in with it.
    /// </summary>
    public const string Email = "api.script@jiutracker.local";

    public const string Page = "/Account/Tokens";

    /// <summary>What the token reads each time: the API's list and its figures.</summary>
    public static readonly IReadOnlyList<string> Reads = ["/api/v1/reports", "/api/v1/figures"];

    private readonly Random _random = new(104729);
    private readonly AppClient _client = new(baseAddress);
    private readonly ApiWriter _writer = new(baseAddress, runTag, email, log);
    private int _loops;

    /// <summary>
    /// The administrator creates the account; it signs in and creates the token it keeps. Not part of the measured run.
    /// </summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        await RunAccounts.CreateAsync(baseAddress, administrator, email, "Administrator", ct);
        await _client.SignInAsync(email, DemoAccount.Password, ct);
        if (await CreateAsync($"{runTag} kept", ct) is null)
        {
            throw new InvalidOperationException($"The token {email} keeps through the run was not created: {(log.TokenActions is [.., var last] ? last.Detail : "its page did not load")}");
        }
    }

    /// <summary>Creates, uses and revokes tokens until <paramref name="stop"/>; a post already sent is awaited to its answer.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await CreateUseAndRevokeOnceAsync(stop))
                {
                    // The app down after a crash, or the run ending: try again shortly.
                    await Task.Delay(100, stop);
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

    /// <summary>The status of a GET of the API with the token, or null when unanswered (logged as such).</summary>
    public static async Task<(HttpStatusCode Status, bool Json)?> ReadAsync(Uri baseAddress, EditLog log, string text, string path)
    {
        using var api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var (response, status) = await log.PostLoggedAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", text);
            return api.SendAsync(request, CancellationToken.None);
        });
        using var answer = response;
        return response is null ? null : (status, response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true);
    }

    /// <returns>Whether the loop went through to the API's refusal of the revoked token.</returns>
    private async Task<bool> CreateUseAndRevokeOnceAsync(CancellationToken stop)
    {
        var name = $"{runTag} token {++_loops}";
        if (await CreateAsync(name, stop) is not { } created)
        {
            return false;
        }

        // Once the creation is acknowledged, its reads and its revocation are part of it: sent even if the run is ending.
        foreach (var path in Reads)
        {
            if (await ReadAsync(baseAddress, log, created.Text, path) is not { } read)
            {
                return false;
            }

            if (read is { Status: HttpStatusCode.OK, Json: true })
            {
                log.ReadWithToken();
            }
            else
            {
                log.TokenProblem($"GET {path} with the token \"{name}\", just created, answered {(int)read.Status}{(read.Json ? "" : " without JSON")}");
            }
        }

        // A read-write token also writes: a comment with If-Match, through the API.
        if (created.ReadWrite && !await _writer.WriteOnceAsync(created.Text))
        {
            return false;
        }

        await Task.Delay(_random.Next(0, 30), CancellationToken.None);
        if (await RevokeAsync(created) != EditOutcome.Acknowledged)
        {
            return false;
        }

        if (await ReadAsync(baseAddress, log, created.Text, Reads[0]) is not { } refused)
        {
            return false;
        }

        if (refused.Status == HttpStatusCode.Unauthorized)
        {
            log.RefusedAfterRevoke();
        }
        else
        {
            log.TokenProblem($"GET {Reads[0]} with the token \"{name}\", its revocation acknowledged, answered {(int)refused.Status}, not 401");
        }

        return true;
    }

    private sealed record CreatedToken(string Name, string Text, int Id, IHtmlFormElement Revoke, bool ReadWrite);

    /// <summary>Posts the creation form; an acknowledgement is the answer showing the token's text, its row with a revoke form.</summary>
    private async Task<CreatedToken?> CreateAsync(string name, CancellationToken stop)
    {
        if (await _client.LoadLoggedAsync(log, Page, stop) is not { } page || stop.IsCancellationRequested)
        {
            return null;
        }

        if (page.Document.QuerySelector<IHtmlFormElement>("form[action*='handler=Create']") is not { } form)
        {
            log.TokenProblem($"the page {Page} of {email} offers no form to create a token ({page.Document.QuerySelector("h1")?.TextContent.Trim()})");
            return null;
        }

        var readWrite = _random.Next(2) == 0;
        var (response, status) = await log.PostLoggedAsync(() => _client.PostFormAsync(form.GetAttribute("action")!, form, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Scope"] = readWrite ? "ReadWrite" : "Read",
            ["Input.Days"] = _random.Next(1, 367).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, CancellationToken.None));
        using var answer = response;
        if (response is null)
        {
            log.Add(new TokenAction(TokenStep.Create, name, null, null, EditOutcome.Unanswered, "no answer"));
            return null;
        }

        var document = status == HttpStatusCode.OK
            ? new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(CancellationToken.None))
            : null;
        if (document?.QuerySelector<IHtmlInputElement>("#token-text")?.Value is not { Length: > 0 } text)
        {
            var message = document?.QuerySelector(".validation-summary-errors, main .alert-danger")?.TextContent.Trim();
            log.Add(new TokenAction(TokenStep.Create, name, null, null, LoggedPages.Refusal(status), $"{(int)status}: {message}"));
            return null;
        }

        var row = document.QuerySelectorAll("tr[id^='token-']").FirstOrDefault(r => r.QuerySelector("th")?.TextContent.Trim() == name);
        var id = row is null ? (int?)null : int.Parse(row.Id!["token-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        log.Add(new TokenAction(TokenStep.Create, name, text, id, EditOutcome.Acknowledged, null));
        if (row?.QuerySelector<IHtmlFormElement>("form") is not { } revoke)
        {
            log.TokenProblem($"the answer to the acknowledged creation of \"{name}\" has no row with a revoke form for it");
            return null;
        }

        return new CreatedToken(name, text, id!.Value, revoke, readWrite);
    }

    /// <summary>Posts the row's revoke form; an acknowledgement is the redirect back to the tokens page.</summary>
    private async Task<EditOutcome> RevokeAsync(CreatedToken token)
    {
        var (response, status) = await log.PostLoggedAsync(() => _client.PostFormAsync(token.Revoke.GetAttribute("action")!, token.Revoke, new Dictionary<string, string>(), CancellationToken.None));
        using var answer = response;
        if (response is null)
        {
            log.Add(new TokenAction(TokenStep.Revoke, token.Name, token.Text, token.Id, EditOutcome.Unanswered, "no answer"));
            return EditOutcome.Unanswered;
        }

        if (status == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith(Page, StringComparison.Ordinal) == true)
        {
            log.Add(new TokenAction(TokenStep.Revoke, token.Name, token.Text, token.Id, EditOutcome.Acknowledged, null));
            return EditOutcome.Acknowledged;
        }

        var message = (int)status >= 500 ? null : await LoggedPages.RefusalMessageAsync(response);
        var refusal = LoggedPages.Refusal(status);
        log.Add(new TokenAction(TokenStep.Revoke, token.Name, token.Text, token.Id, refusal, $"{(int)status}: {message}"));
        return refusal;
    }
}
