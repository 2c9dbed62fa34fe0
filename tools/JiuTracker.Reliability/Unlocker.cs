using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// A person who keeps mistyping their password, and the administrator who unlocks them (decision 038): five wrong
/// passwords lock the account, so the sixth sign-in, with the right one, must be refused as locked; the administrator,
/// in a session of its own, opens the account's page and unlocks it; the account then signs in with its password. Now
/// and then the administrator unlocks the account while it is not locked, which must be refused in words. Each unlock
/// is kept with the moments it was sent and answered, to find its audit entry afterwards. The account is one no other
/// simulated user signs in with, since the lockout would refuse them.
/// </summary>
public sealed class Unlocker(Uri baseAddress, EditLog log, string email = Unlocker.Email, string administrator = Unlocker.Administrator) : IDisposable
{
    /// <summary>The demo auditor: reads only, and no other simulated user signs in with it.</summary>
    public const string Email = "auditor@jiutracker.local";

    public const string Administrator = "admin@jiutracker.local";

    private const string WrongPassword = "The e-mail address or the password is not right.";
    private const string LockedMessage = "This account is locked after too many failed attempts";
    private const string NotLocked = "is not locked: it can sign in with its password";
    private const int FailuresThatLock = 5;

    private readonly Random _random = new(7919);
    private readonly AppClient _administrator = new(baseAddress);
    private string _accountPath = "";
    private int _cycles;

    /// <summary>Signs the administrator in and finds the account's page in the accounts list; not part of the measured run.</summary>
    public async Task SignInAsync(CancellationToken ct)
    {
        await _administrator.SignInAsync(administrator, DemoAccount.Password, ct);
        var accounts = await _administrator.GetPageAsync("/Admin/Accounts", ct);
        _accountPath = accounts.Document.QuerySelectorAll<IHtmlAnchorElement>("a[href^='/Admin/Accounts/Edit/']")
            .FirstOrDefault(link => link.TextContent.Trim() == email)?.GetAttribute("href")
            ?? throw new InvalidOperationException($"The accounts list has no page for {email}.");
    }

    /// <summary>Locks and unlocks until <paramref name="stop"/>; a post already sent is awaited to its answer.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await LockAndUnlockOnceAsync(stop))
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

    public void Dispose() => _administrator.Dispose();

    /// <returns>Whether the cycle went through to the sign-in after the unlock.</returns>
    private async Task<bool> LockAndUnlockOnceAsync(CancellationToken stop)
    {
        for (var attempt = 1; attempt <= FailuresThatLock; attempt++)
        {
            if (await SignInAsync($"Wrong-password-{attempt}", wrong: true, stop) is not { } failed)
            {
                return false;
            }

            if (failed.Status != HttpStatusCode.OK || !failed.Text.Contains(WrongPassword, StringComparison.Ordinal))
            {
                log.LockingProblem($"wrong password {attempt} of {email} answered {(int)failed.Status}: {failed.Message}");
                return false;
            }
        }

        if (await SignInAsync(DemoAccount.Password, wrong: false, stop) is not { } locked)
        {
            return false;
        }

        if (locked.Status != HttpStatusCode.OK || !locked.Text.Contains(LockedMessage, StringComparison.Ordinal))
        {
            log.LockingProblem($"after {FailuresThatLock} wrong passwords, {email} with its password answered {(int)locked.Status} ({locked.Message}), not that it is locked");
            return false;
        }

        log.LockoutSeen();
        if (await _administrator.LoadLoggedAsync(log, _accountPath, stop) is not { } page)
        {
            return false;
        }

        if (page.Document.QuerySelector<IHtmlFormElement>("form#unlock") is not { } unlock)
        {
            log.LockingProblem($"the page of {email}, locked, offers no unlock ({page.Document.QuerySelector("h1")?.TextContent.Trim()})");
            return false;
        }

        await Task.Delay(_random.Next(0, 30), stop);
        if (await PostUnlockAsync(unlock, wasLocked: true) != EditOutcome.Acknowledged)
        {
            return false;
        }

        // Once the unlock is acknowledged, its sign-in is part of it: sent even if the run is ending.
        if (await SignInAsync(DemoAccount.Password, wrong: false, CancellationToken.None) is not { } signedIn)
        {
            return false;
        }

        if (signedIn.Status == HttpStatusCode.Redirect)
        {
            log.SignedInAfterUnlock();
        }
        else
        {
            log.LockingProblem($"after an acknowledged unlock, {email} with its password answered {(int)signedIn.Status}: {signedIn.Message}");
        }

        // Every third cycle from the first, an unlock of the account that is not locked: the page offers no form for it,
        // so the unlock handler is posted with the token of the page's disable form, as a second administrator's stale page would.
        if (_cycles++ % 3 == 0 && await _administrator.LoadLoggedAsync(log, _accountPath, stop) is { } unlocked &&
            unlocked.Document.QuerySelector<IHtmlFormElement>("form#disable") is { } disable)
        {
            await PostUnlockAsync(disable, wasLocked: false);
        }

        return true;
    }

    /// <summary>Posts the unlock with the form's token and logs its outcome; an acknowledgement is the redirect to the account's page.</summary>
    private async Task<EditOutcome> PostUnlockAsync(IHtmlFormElement form, bool wasLocked)
    {
        var sent = DateTimeOffset.UtcNow;
        var (response, status) = await log.PostLoggedAsync(() => _administrator.PostFormAsync($"{_accountPath}?handler=Unlock", form, new Dictionary<string, string>(), CancellationToken.None));
        using var answer = response;
        var answered = DateTimeOffset.UtcNow;
        if (response is null)
        {
            log.Add(new UnlockAttempt(wasLocked, sent, answered, EditOutcome.Unanswered, "no answer"));
            return EditOutcome.Unanswered;
        }

        if (status == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == _accountPath)
        {
            var outcome = wasLocked ? EditOutcome.Acknowledged : EditOutcome.OtherRefusal;
            log.Add(new UnlockAttempt(wasLocked, sent, answered, outcome, wasLocked ? null : $"the unlock of {email}, not locked, was acknowledged"));
            await ConfirmAsync();
            return outcome;
        }

        var message = (int)status >= 500 ? null : await LoggedPages.RefusalMessageAsync(response);
        var expected = !wasLocked && status == HttpStatusCode.OK && message?.Contains($"{email} {NotLocked}", StringComparison.Ordinal) == true;
        var refusal = expected ? EditOutcome.Conflict : LoggedPages.Refusal(status);
        log.Add(new UnlockAttempt(wasLocked, sent, answered, refusal, $"{(int)status}: {message}"));
        return refusal;
    }

    /// <summary>The page the acknowledgement leads to says the account was unlocked (when it comes: the app may be down).</summary>
    private async Task ConfirmAsync()
    {
        if (await _administrator.LoadLoggedAsync(log, _accountPath, CancellationToken.None) is { } page &&
            page.Document.QuerySelector("[role='status']")?.TextContent.Contains($"{email} unlocked", StringComparison.Ordinal) != true)
        {
            log.LockingProblem($"the page after an acknowledged unlock does not say {email} was unlocked");
        }
    }

    private sealed record SignInAnswer(HttpStatusCode Status, string Text, string? Message);

    /// <summary>A sign-in from a browser of its own; null when unanswered or the run ended before it was sent.</summary>
    private async Task<SignInAnswer?> SignInAsync(string password, bool wrong, CancellationToken stop)
    {
        using var browser = new AppClient(baseAddress);
        if (await browser.LoadLoggedAsync(log, "/Account/Login", stop) is not { } page || stop.IsCancellationRequested)
        {
            return null;
        }

        if (wrong)
        {
            log.WrongPasswordSent();
        }

        var (response, status) = await log.PostLoggedAsync(() => browser.PostFormAsync("/Account/Login", page.Form, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, CancellationToken.None));
        using var answer = response;
        if (response is null)
        {
            return null;
        }

        var text = (int)status >= 500 ? "" : await response.Content.ReadAsStringAsync(CancellationToken.None);
        var message = (int)status >= 500 ? null : await LoggedPages.RefusalMessageAsync(response);
        return new SignInAnswer(status, text, message);
    }
}
