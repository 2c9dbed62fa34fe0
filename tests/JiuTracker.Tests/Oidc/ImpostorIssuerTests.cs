namespace JiuTracker.Tests.Oidc;

/// <summary>An app that trusts one issuer, given an ID token signed by another: refused with a message, nothing created.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class ImpostorIssuerTests(ImpostorIssuerApp sso) : IClassFixture<ImpostorIssuerApp>
{
    [Fact]
    public async Task AnIdTokenFromAnotherIssuer_IsRefusedWithAMessage_AndCreatesNoAccount()
    {
        const string email = "wrong.issuer@example.org";
        sso.Provider.SetUser("subject-issuer", "issuer", "provider-password", email, "jiu-admins");
        using var browser = new ProviderBrowser(sso.App.Address);

        var refused = await browser.SignInAsync("issuer", "provider-password");

        Assert.Contains($"The sign-in with {SingleSignOnApp.Organization} was refused", await refused.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.False(await sso.App.HasAccountAsync(email));
    }
}
