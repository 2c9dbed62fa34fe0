using System.Net;

namespace JiuTracker.Reliability;

/// <summary>A language chosen from the menu by the run's language chooser, and what the app answered.</summary>
/// <param name="Language">The language's code (<c>fr</c>), never one the account may have already.</param>
/// <param name="MayBeKeptAlready">
/// Sent after so many unanswered choices that no language was sure to differ from the account's: acknowledged, it may
/// change nothing and write no entry.
/// </param>
public sealed record LanguageChoiceMade(string Language, EditOutcome Outcome, string? Detail, bool MayBeKeptAlready = false);

/// <summary>
/// Someone who keeps changing the language the app speaks to them in (decision 044): posts a language other than the
/// current one from the language page, and, once acknowledged, sees the next page in it. Each choice is kept, in order,
/// to find its <c>LanguageChosen</c> audit entry and the account's language afterwards. The account is one the
/// administrator creates for the run: the other simulated users read the English pages, and a choice on their account
/// would change them.
/// </summary>
public sealed class LanguageChooser(Uri baseAddress, EditLog log, string email = LanguageChooser.Email, string administrator = Unlocker.Administrator) : IDisposable
{
    /// <summary>A management account (reads only) made for the run.</summary>
    public const string Email = "languages@jiutracker.local";

    public static readonly IReadOnlyList<string> Codes = ["ar", "zh", "en", "fr", "ru", "es"];

    private readonly Random _random = new(15485863);
    private readonly AppClient _client = new(baseAddress);
    /// <summary>The languages the account may have now: the last acknowledged choice, and those sent since without an answer.</summary>
    private readonly HashSet<string> _mayBeKept = ["en"];

    /// <summary>The administrator creates the account, which signs in. Not part of the measured run.</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        await RunAccounts.CreateAsync(baseAddress, administrator, email, "Management", ct);
        await _client.SignInAsync(email, DemoAccount.Password, ct);
    }

    /// <summary>Chooses languages until <paramref name="stop"/>; a choice already sent is awaited to its answer.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await ChooseOnceAsync(stop))
                {
                    await Task.Delay(100, stop);
                }

                await Task.Delay(_random.Next(50, 200), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    /// <returns>Whether the choice was answered.</returns>
    private async Task<bool> ChooseOnceAsync(CancellationToken stop)
    {
        if (await _client.LoadLoggedAsync(log, "/Language", stop) is not { } page)
        {
            return false;
        }

        var others = Codes.Where(c => !_mayBeKept.Contains(c)).ToList();
        var mayBeKeptAlready = others.Count == 0;
        others = mayBeKeptAlready ? [.. Codes] : others;
        var language = others[_random.Next(others.Count)];
        var fields = AppPage.FieldsOf(page.Form);
        fields["Culture"] = language;
        fields["ReturnUrl"] = "/Reports";
        var (response, status) = await log.PostLoggedAsync(() => _client.PostFieldsAsync("/Language", fields, CancellationToken.None));
        using (response)
        {
            if (response is null)
            {
                log.Add(new LanguageChoiceMade(language, EditOutcome.Unanswered, null, mayBeKeptAlready));
                // Stored or not: the next choice must differ from this one too, to be sure to write an entry.
                _mayBeKept.Add(language);
                return false;
            }

            if (status != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/Reports")
            {
                log.Add(new LanguageChoiceMade(language, LoggedPages.Refusal(status), $"answered {(int)status}: {await LoggedPages.RefusalMessageAsync(response)}", mayBeKeptAlready));
                return true;
            }
        }

        log.Add(new LanguageChoiceMade(language, EditOutcome.Acknowledged, null, mayBeKeptAlready));
        _mayBeKept.Clear();
        _mayBeKept.Add(language);
        if (await _client.LoadLoggedAsync(log, "/Reports", stop) is { } reports && reports.Document.DocumentElement.GetAttribute("lang") != language)
        {
            log.LanguageProblem($"the reports list after choosing {language} is in \"{reports.Document.DocumentElement.GetAttribute("lang")}\"");
        }

        return true;
    }
}
