using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Reliability;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Oidc;

/// <summary>
/// A browser over real HTTP between the app and the provider: one cookie jar for both, redirects followed by hand so
/// a test can stop at the provider's answer (the app's /signin-oidc address, with its code and state) and change or
/// replay it.
/// </summary>
public sealed class ProviderBrowser(Uri app) : IDisposable
{
    public HttpClient Client { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = app,
    };

    /// <summary>Presses "Sign in with …" and signs in at the provider's own page; returns the provider's answer to the app, not yet delivered.</summary>
    public async Task<Uri> SignInAtProviderAsync(string login, string password)
    {
        var page = await Client.GetDocumentAsync("/Account/Login");
        var challenge = await Client.SubmitFormAsync(page, "/Account/Login", new Dictionary<string, string>(), "#single-sign-on");
        Assert.True(challenge.StatusCode == HttpStatusCode.Redirect, $"The sign-in button answered {(int)challenge.StatusCode}.");
        var response = await FollowAsync(challenge, stopAtApp: true);
        if (IsAppCallback(response))
        {
            // The provider still had a session: it answered at once.
            return Location(response);
        }

        var loginPage = await response.ReadDocumentAsync();
        var form = loginPage.QuerySelector<IHtmlFormElement>("form") ?? throw new InvalidOperationException($"The provider showed no sign-in form:\n{loginPage.Body?.TextContent}");
        var fields = AppPage.FieldsOf(form);
        fields["login"] = login;
        fields["password"] = password;
        var signedIn = await Client.PostAsync(new Uri(response.RequestMessage!.RequestUri!, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
        var answer = await FollowAsync(signedIn, stopAtApp: true);
        Assert.True(IsAppCallback(answer), $"The provider did not send the browser back to the app: {(int)answer.StatusCode} {answer.RequestMessage?.RequestUri}\n{await answer.Content.ReadAsStringAsync()}");
        return Location(answer);
    }

    /// <summary>Delivers the provider's answer to the app and follows the app's redirects to the page they end on.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(Uri answer) => await FollowAsync(await Client.GetAsync(answer), stopAtApp: false);

    /// <summary>The whole sign-in, ending on the page the app shows after it.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string password) => await DeliverAsync(await SignInAtProviderAsync(login, password));

    /// <summary>Signs out of the app, confirming at the provider when it asks, and follows back to the app.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var signedOut = await Client.SubmitFormAsync("/Account/Logout", new Dictionary<string, string>());
        var response = await FollowAsync(signedOut, stopAtApp: false);
        if (response.RequestMessage!.RequestUri!.Port != app.Port)
        {
            var confirm = (await response.ReadDocumentAsync()).QuerySelector<IHtmlFormElement>("form")!;
            var fields = AppPage.FieldsOf(confirm);
            fields["logout"] = "yes";
            response = await FollowAsync(await Client.PostAsync(new Uri(response.RequestMessage.RequestUri, confirm.GetAttribute("action")), new FormUrlEncodedContent(fields)), stopAtApp: false);
        }

        return response;
    }

    public void Dispose() => Client.Dispose();

    private bool IsAppCallback(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found
        && Location(response) is { } to && to.Port == app.Port && to.AbsolutePath == "/signin-oidc";

    private static Uri Location(HttpResponseMessage response) => new(response.RequestMessage!.RequestUri!, response.Headers.Location!);

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, bool stopAtApp)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if ((int)response.StatusCode is < 300 or > 399 || (stopAtApp && IsAppCallback(response)))
            {
                return response;
            }

            response = await Client.GetAsync(Location(response));
        }

        throw new InvalidOperationException($"More than 20 redirects, the last to {response.Headers.Location}.");
    }
}
