using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Oidc;

/// <summary>
/// Signing in with the organization's OpenID provider, a real one (oidc-provider on 127.0.0.1) through its own
/// sign-in page: the account it creates, the roles its groups give at every sign-in, and the accounts it may not sign in.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class SingleSignOnTests(SingleSignOnApp sso) : IClassFixture<SingleSignOnApp>
{
    private const string Password = "provider-password";

    private KestrelJiuTrackerFactory App => sso.App;

    private ProviderBrowser Browser() => new(sso.App.Address);

    [Fact]
    public async Task TheSignInPage_OffersSignInWithTheOrganization_BesideThePasswordForm()
    {
        using var browser = Browser();
        var page = await browser.Client.GetDocumentAsync("/Account/Login");

        Assert.Equal($"Sign in with {SingleSignOnApp.Organization}", page.QuerySelector("#single-sign-on button")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#single-sign-on input[name=__RequestVerificationToken]"));
        Assert.NotNull(page.QuerySelector("#password-sign-in input[name='Input.Password']"));
    }

    [Fact]
    public async Task ThePagesPolicy_LetsTheSignInAndSignOutFormsGoOnToTheProvider_AndNowhereElse()
    {
        using var browser = Browser();

        var response = await browser.Client.GetAsync("/Account/Login");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"form-action 'self' {sso.Provider.Issuer.GetLeftPart(UriPartial.Authority)};", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstSignIn_CreatesTheAccountLinkedByIssuerAndSubject_WithTheMappedRole_Audited()
    {
        const string email = "first.sign-in@example.org";
        sso.Provider.SetUser("subject-first", "first", Password, email, "jiu-auditors", "a-group-jiutracker-does-not-map");
        var versionBefore = await App.DataVersionAsync();
        using var browser = Browser();

        var signedIn = await browser.SignInAsync("first", Password);

        await signedIn.AssertSignedInAsync(email);
        Assert.Equal([Roles.Auditor], await App.RolesOfAsync(email));
        Assert.Equal([$"oidc {sso.Provider.Issuer.ToString().TrimEnd('/')} subject-first"], await App.LoginsOfAsync(email));
        Assert.Equal([AdminAction.AccountCreatedBySingleSignOn], await App.AuditOfAsync(email));
        Assert.True(await App.DataVersionAsync() > versionBefore, "Creating the account did not raise the data version.");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/Audit")).StatusCode);
        var admin = App.CreateNetworkClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var id = await App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var accountPage = await admin.GetDocumentAsync($"/Admin/Accounts/Edit/{id}");
        Assert.Contains($"Signs in with {SingleSignOnApp.Organization}", accountPage.QuerySelector("#single-sign-on-link")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("subject-first", accountPage.QuerySelector("#single-sign-on-link")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondSignIn_AfterAGroupChange_HasTheNewRole_ARemovedGroupRemovesItsRole_AndUnmappedRolesStay()
    {
        const string email = "group.change@example.org";
        sso.Provider.SetUser("subject-groups", "groups", Password, email, "jiu-auditors");
        using (var first = Browser())
        {
            await (await first.SignInAsync("groups", Password)).AssertSignedInAsync(email);
        }

        // An administrator makes the account a focal point, a role the provider's map does not name.
        var admin = App.CreateNetworkClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var id = await App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Admin/Accounts/Edit/{id}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await admin.AntiforgeryTokenAsync($"/Admin/Accounts/Edit/{id}")),
            new("Input.Roles", Roles.Auditor),
            new("Input.Roles", Roles.FocalPoint),
        ]))).StatusCode);
        sso.Provider.SetUser("subject-groups", "groups", Password, email, "jiu-management");
        var versionBefore = await App.DataVersionAsync();

        using var second = Browser();
        await (await second.SignInAsync("groups", Password)).AssertSignedInAsync(email);

        Assert.Equal([Roles.FocalPoint, Roles.Management], await App.RolesOfAsync(email));
        Assert.Equal(AdminAction.AccountRolesChangedBySingleSignOn, (await App.AuditOfAsync(email))[^1]);
        Assert.True(await App.DataVersionAsync() > versionBefore, "Changing the roles did not raise the data version.");
    }

    [Fact]
    public async Task AnAdministratorLinksAFocalPointToTheAccount_AsToday_AndTheNextSignInKeepsItAndItsRole()
    {
        const string email = "focal.point@example.org";
        sso.Provider.SetUser("subject-focal-point", "focal-point", Password, email, "jiu-auditors");
        using (var first = Browser())
        {
            await (await first.SignInAsync("focal-point", Password)).AssertSignedInAsync(email);
        }

        var admin = App.CreateNetworkClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var userId = await App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var focalPointId = await App.QueryAsync(db => (from f in db.FocalPoints join u in db.Users on f.UserId equals u.Id where u.Email == DemoAccounts.CosmasZavazava select f.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/FocalPoints/Edit/{focalPointId}", new Dictionary<string, string> { ["userId"] = userId }, "#link")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Admin/Accounts/Edit/{userId}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await admin.AntiforgeryTokenAsync($"/Admin/Accounts/Edit/{userId}")),
            new("Input.Roles", Roles.Auditor),
            new("Input.Roles", Roles.FocalPoint),
        ]))).StatusCode);
        var recommendation = await App.QueryAsync(db => db.Recommendations.Where(r => r.Report.Symbol == DemoAccounts.OtherReport).Select(r => r.Id).FirstAsync());

        using var second = Browser();
        await (await second.SignInAsync("focal-point", Password)).AssertSignedInAsync(email);

        Assert.Equal([Roles.Auditor, Roles.FocalPoint], await App.RolesOfAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync($"/Recommendations/Edit/{recommendation}")).StatusCode);
    }

    [Fact]
    public async Task ASignInWithTheSameGroups_ChangesNothing_AndWritesNoAuditEntry()
    {
        const string email = "same.groups@example.org";
        sso.Provider.SetUser("subject-same", "same", Password, email, "jiu-coordinators");
        using (var first = Browser())
        {
            await (await first.SignInAsync("same", Password)).AssertSignedInAsync(email);
        }

        using var second = Browser();
        await (await second.SignInAsync("same", Password)).AssertSignedInAsync(email);

        Assert.Equal([Roles.Coordinator], await App.RolesOfAsync(email));
        Assert.Equal([AdminAction.AccountCreatedBySingleSignOn], await App.AuditOfAsync(email));
    }

    [Fact]
    public async Task ADisabledAccount_IsRefusedWithAMessage_WhateverItsGroups()
    {
        const string email = "disabled@example.org";
        sso.Provider.SetUser("subject-disabled", "disabled", Password, email, "jiu-management");
        using (var first = Browser())
        {
            await (await first.SignInAsync("disabled", Password)).AssertSignedInAsync(email);
        }

        var admin = App.CreateNetworkClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var id = await App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{id}", new Dictionary<string, string>(), "#disable")).StatusCode);
        sso.Provider.SetUser("subject-disabled", "disabled", Password, email, "jiu-admins");

        using var second = Browser();
        var refused = await second.SignInAsync("disabled", Password);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(AccountStatus.DisabledMessage, await refused.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.Equal([Roles.Management], await App.RolesOfAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task AnAccountLockedAfterFailedSignIns_IsRefusedWithAMessage_UntilItsLockoutEnds()
    {
        const string email = "locked@example.org";
        sso.Provider.SetUser("subject-locked", "locked", Password, email, "jiu-auditors");
        using (var first = Browser())
        {
            await (await first.SignInAsync("locked", Password)).AssertSignedInAsync(email);
        }

        var until = DateTimeOffset.UtcNow.AddMinutes(15);
        await App.QueryAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, until)));

        using var second = Browser();
        var refused = await second.SignInAsync("locked", Password);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This account is locked after too many failed attempts until", await refused.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task ALocalAccountWithTheSameEmail_IsNotLinked_AndTheSignInIsRefusedWithAMessage()
    {
        sso.Provider.SetUser("subject-same-email", "same-email", Password, DemoAccounts.Auditor, "jiu-admins");
        using var browser = Browser();

        var refused = await browser.SignInAsync("same-email", Password);

        Assert.Contains($"An account with the e-mail address {DemoAccounts.Auditor} already exists", await refused.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.Empty(await App.LoginsOfAsync(DemoAccounts.Auditor));
        Assert.Equal([Roles.Auditor], await App.RolesOfAsync(DemoAccounts.Auditor));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task AnAccountNoGroupGivesARoleTo_IsCreated_ButNotSignedInUntilAnAdministratorGivesItOne()
    {
        const string email = "no.role@example.org";
        sso.Provider.SetUser("subject-no-role", "no-role", Password, email, "a-group-jiutracker-does-not-map");
        using var browser = Browser();

        var refused = await browser.SignInAsync("no-role", Password);

        Assert.Contains("has no role in JiuTracker yet", await refused.RefusalShownAsync(), StringComparison.Ordinal);
        Assert.True(await App.HasAccountAsync(email));
        Assert.Equal([AdminAction.AccountCreatedBySingleSignOn], await App.AuditOfAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task SigningOut_EndsTheProvidersSessionToo()
    {
        const string email = "sign.out@example.org";
        sso.Provider.SetUser("subject-sign-out", "sign-out", Password, email, "jiu-auditors");
        using var browser = Browser();
        await (await browser.SignInAsync("sign-out", Password)).AssertSignedInAsync(email);

        var signedOut = await browser.SignOutAsync();

        Assert.Equal("/Account/Login", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/Reports")).StatusCode);
        // The provider asks for the password again: its session ended with the app's.
        var page = await browser.Client.GetDocumentAsync("/Account/Login");
        var challenge = await browser.Client.SubmitFormAsync(page, "/Account/Login", new Dictionary<string, string>(), "#single-sign-on");
        var atProvider = challenge;
        while ((int)atProvider.StatusCode is >= 300 and < 400)
        {
            atProvider = await browser.Client.GetAsync(new Uri(atProvider.RequestMessage!.RequestUri!, atProvider.Headers.Location!));
        }

        Assert.Equal(sso.Provider.Port, atProvider.RequestMessage!.RequestUri!.Port);
        Assert.NotNull((await atProvider.ReadDocumentAsync()).QuerySelector("input[name=password]"));
    }

    [Fact]
    public async Task ABrowserComingFromTheProvidersSite_GetsAPageThatMovesOn_SoItsStrictSessionCookieIsSent()
    {
        const string email = "cross.site@example.org";
        sso.Provider.SetUser("subject-cross-site", "cross-site", Password, email, "jiu-auditors");
        using var browser = Browser();
        var answer = await browser.SignInAtProviderAsync("cross-site", Password);
        browser.Client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");

        var page = await browser.DeliverAsync(answer);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.ReadDocumentAsync();
        Assert.Equal("0; url=/", document.QuerySelector("head meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("/", document.QuerySelector("#continue")!.GetAttribute("href"));
        browser.Client.DefaultRequestHeaders.Remove("Sec-Fetch-Site");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/Reports")).StatusCode);
    }

    [Fact]
    public async Task APasswordSignIn_StaysAsItWas_WhileLocalAccountsAreOn()
    {
        var client = App.CreateNetworkClient();
        await client.SignInAsync(DemoAccounts.Management);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports")).StatusCode);
    }
}
