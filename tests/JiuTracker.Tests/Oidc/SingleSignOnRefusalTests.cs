using System.Web;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Oidc;

/// <summary>
/// Answers from the provider that must not sign anyone in — a changed <c>state</c>, an answer delivered twice, a code
/// used already, an ID token for another client — each ends on the sign-in page with a message in words, creating nothing.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class SingleSignOnRefusalTests(SingleSignOnApp sso) : IClassFixture<SingleSignOnApp>
{
    private const string Password = "provider-password";
    private const string Refusal = $"The sign-in with {SingleSignOnApp.Organization} was refused";

    private KestrelJiuTrackerFactory App => sso.App;

    private ProviderBrowser Browser() => new(sso.App.Address);

    [Fact]
    public async Task ATamperedState_IsRefusedWithAMessage_AndCreatesNoAccount()
    {
        const string email = "tampered.state@example.org";
        sso.Provider.SetUser("subject-tampered", "tampered", Password, email, "jiu-admins");
        using var browser = Browser();
        var answer = await browser.SignInAtProviderAsync("tampered", Password);
        var state = HttpUtility.ParseQueryString(answer.Query)["state"]!;
        var tampered = WithParameter(answer, "state", state[..^4] + (state[^4..] == "AAAA" ? "BBBB" : "AAAA"));

        var refused = await browser.DeliverAsync(tampered);

        Assert.Contains(Refusal, await refused.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.False(await App.HasAccountAsync(email));
    }

    [Fact]
    public async Task TheSameAnswerDeliveredAgain_IsRefusedWithAMessage()
    {
        const string email = "replayed.answer@example.org";
        sso.Provider.SetUser("subject-replayed", "replayed", Password, email, "jiu-auditors");
        using var browser = Browser();
        var answer = await browser.SignInAtProviderAsync("replayed", Password);
        await (await browser.DeliverAsync(answer)).AssertSignedInAsync(email);

        using var attacker = Browser();
        var replayedElsewhere = await attacker.DeliverAsync(answer);
        var replayedHere = await browser.DeliverAsync(answer);

        Assert.Contains(Refusal, await replayedElsewhere.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.Contains(Refusal, await replayedHere.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.Equal([AdminAction.AccountCreatedBySingleSignOn], await App.AuditOfAsync(email));
    }

    [Fact]
    public async Task ACodeUsedAlready_UnderANewSignInsState_IsRefusedWithAMessage()
    {
        const string email = "replayed.code@example.org";
        sso.Provider.SetUser("subject-code", "code", Password, email, "jiu-auditors");
        using var browser = Browser();
        var first = await browser.SignInAtProviderAsync("code", Password);
        await (await browser.DeliverAsync(first)).AssertSignedInAsync(email);
        await browser.Client.SubmitFormAsync("/Account/Logout", new Dictionary<string, string>());

        // A new sign-in: the provider still has a session, so it answers at once with a new code and state.
        var second = await browser.SignInAtProviderAsync("code", Password);
        var withTheUsedCode = WithParameter(second, "code", HttpUtility.ParseQueryString(first.Query)["code"]!);
        var refused = await browser.DeliverAsync(withTheUsedCode);

        Assert.Contains(Refusal, await refused.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.Client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task AnIdTokenForAnotherClient_IsRefusedWithAMessage_AndCreatesNoAccount()
    {
        const string email = "wrong.audience@example.org";
        sso.Provider.SetUser("subject-audience", "audience", Password, email, "jiu-admins");
        sso.Provider.SetIdTokenAudience("another-application");
        try
        {
            using var browser = Browser();
            var refused = await browser.SignInAsync("audience", Password);

            Assert.Contains(Refusal, await refused.RefusalShownAsync(), StringComparison.Ordinal);
            Assert.False(await App.HasAccountAsync(email));
        }
        finally
        {
            sso.Provider.SetIdTokenAudience(null);
        }
    }

    [Fact]
    public async Task AFailureNamedInTheAddress_ShowsItsMessage_AndAnyOtherValueNone()
    {
        using var browser = Browser();

        var named = await browser.Client.GetAsync("/Account/Login?failure=sso-denied");
        var other = await browser.Client.GetDocumentAsync("/Account/Login?failure=%3Cscript%3E");

        Assert.Contains($"{SingleSignOnApp.Organization} did not sign you in", await named.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.Empty(other.QuerySelectorAll(".validation-summary-errors li"));
    }

    [Fact]
    public async Task TheCallbackWithoutASignInToComplete_SaysSo()
    {
        using var browser = Browser();

        var response = await browser.Client.GetAsync("/Account/Login?handler=Callback");

        Assert.Contains("There is no sign-in with", await response.RefusalShownAsync(), StringComparison.Ordinal);
    }

    private static Uri WithParameter(Uri answer, string name, string value)
    {
        var query = HttpUtility.ParseQueryString(answer.Query);
        query[name] = value;
        return new UriBuilder(answer) { Query = query.ToString() }.Uri;
    }
}
