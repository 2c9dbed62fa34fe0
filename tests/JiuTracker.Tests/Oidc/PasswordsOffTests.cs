using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Demo;

namespace JiuTracker.Tests.Oidc;

/// <summary><c>Authentication:LocalAccounts=false</c>: no password signs in, but the break-glass administrator's; the provider does.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class PasswordsOffTests(PasswordsOffApp sso) : IClassFixture<PasswordsOffApp>
{
    private KestrelJiuTrackerFactory App => sso.App;

    [Fact]
    public async Task TheSignInPage_OffersOnlyTheProvider_AndTheBreakGlassFormAtItsOwnAddress()
    {
        var client = App.CreateNetworkClient();

        var page = await client.GetDocumentAsync("/Account/Login");
        var breakGlass = await client.GetDocumentAsync("/Account/Login?breakGlass=true");

        Assert.NotNull(page.QuerySelector("#single-sign-on"));
        Assert.Null(page.QuerySelector("#password-sign-in"));
        Assert.NotNull(breakGlass.QuerySelector("#password-sign-in input[name='Input.Password']"));
    }

    [Fact]
    public async Task APasswordSignIn_IsRefusedWithAMessage_EvenWithTheRightPassword()
    {
        var client = App.CreateNetworkClient();

        var refused = await client.SubmitFormAsync("/Account/Login?breakGlass=true", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Management,
            ["Input.Password"] = DemoData.Password,
        }, "#password-sign-in");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"Passwords are turned off in JiuTracker: sign in with {SingleSignOnApp.Organization}.",
            (await refused.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("JiuTracker.Auth", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task TheBreakGlassAdministrator_SignsInWithAPassword()
    {
        var client = App.CreateNetworkClient();

        var signedIn = await client.SubmitFormAsync("/Account/Login?breakGlass=true", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Admin,
            ["Input.Password"] = DemoData.Password,
        }, "#password-sign-in");

        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin")).StatusCode);
    }

    [Fact]
    public async Task TheProvider_StillSignsIn()
    {
        const string email = "passwords.off@example.org";
        sso.Provider.SetUser("subject-passwords-off", "passwords-off", "provider-password", email, "jiu-management");
        using var browser = new ProviderBrowser(App.Address);

        await (await browser.SignInAsync("passwords-off", "provider-password")).AssertSignedInAsync(email);
    }
}
