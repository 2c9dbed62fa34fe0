using System.Net;

namespace JiuTracker.Reliability;

/// <summary>
/// A reader who signs in, opens a page and signs out, over and over, on an account nobody edits with: signing out is a
/// save (the account's sessions end at once, decision 022), so once the app has acknowledged it, the session's old
/// cookie must no longer open a page. Spaced to stay under the sign-in limit per account and minute.
/// </summary>
public sealed class SigningOutUser(Uri baseAddress, EditLog log) : IDisposable
{
    public const string Email = "management@jiutracker.local";

    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(7);

    private AppClient _client = new(baseAddress);

    public async Task SignOutRepeatedlyAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await SignInAndOutOnceAsync(stop);
                await Task.Delay(Spacing, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task SignInAndOutOnceAsync(CancellationToken stop)
    {
        AppPage confirmation;
        try
        {
            _client.Dispose();
            _client = new AppClient(baseAddress);
            await _client.SignInAsync(Email, DemoAccount.Password, stop);
            log.Answered(302);
            confirmation = await _client.GetPageAsync("/Account/Logout", stop);
            log.Answered(200);
        }
        catch (UnexpectedAnswerException answer)
        {
            log.Answered(answer.StatusCode);
            return;
        }
        catch (Exception failure) when (!stop.IsCancellationRequested && failure is HttpRequestException or IOException or TaskCanceledException)
        {
            log.NotAnswered();
            return;
        }

        var session = _client.CookieHeader;
        try
        {
            // Once sent, the sign-out runs to its answer even if the run is ending: its outcome must be known.
            using var response = await _client.PostFormAsync("/Account/Logout", confirmation.Form, new Dictionary<string, string>(), CancellationToken.None);
            log.Answered((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                var replayed = await _client.StatusWithCookiesAsync("/Reports", session, CancellationToken.None);
                log.Answered((int)replayed);
                log.SignedOut(sessionLeftUsable: replayed == HttpStatusCode.OK);
            }
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or TaskCanceledException)
        {
            log.NotAnswered();
        }
    }
}
