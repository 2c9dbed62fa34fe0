using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Localization;

/// <summary>
/// Which language a page is in: <c>?culture=</c>, else the account's choice, else the choice made before signing in,
/// else the browser's <c>Accept-Language</c>, else the organization's default (decision 044).
/// </summary>
public sealed class LanguageChoiceTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private static string Lang(IHtmlDocument page) => page.DocumentElement.GetAttribute("lang") ?? "";

    private static string Navigation(IHtmlDocument page) => page.QuerySelector("nav")!.TextContent;

    [Fact]
    public async Task TheQueryString_PutsThePageInThatLanguage()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var page = await client.GetDocumentAsync("/Reports?culture=fr");

        Assert.Equal("fr", Lang(page));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("Tableau de bord", Navigation(page), StringComparison.Ordinal);
        Assert.Contains("Journal d’audit", Navigation(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es-MX,es;q=0.9,en;q=0.5", "es", "Cerrar sesión")]
    [InlineData("ru", "ru", "Выйти")]
    [InlineData("zh-CN,zh;q=0.8", "zh", "退出登录")]
    [InlineData("de-CH,de;q=0.9", "en", "Sign out")]
    [InlineData("", "en", "Sign out")]
    public async Task TheBrowsersLanguage_IsTaken_WhenItIsOneOfTheSix(string acceptLanguage, string expected, string signOut)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Reports");
        if (acceptLanguage.Length > 0)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var page = await (await client.SendAsync(request)).ReadDocumentAsync();

        Assert.Equal(expected, Lang(page));
        Assert.Contains(signOut, Navigation(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arabic_ReadsRightToLeft_WithBootstrapsRightToLeftStylesheet_AndTheUserNameIsolated()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var page = await client.GetDocumentAsync("/Reports?culture=ar");

        Assert.Equal(("ar", "rtl"), (Lang(page), page.DocumentElement.GetAttribute("dir")));
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(stylesheets, href => href.Contains("bootstrap.rtl.min", StringComparison.Ordinal));
        Assert.DoesNotContain(stylesheets, href => href.Contains("bootstrap.min", StringComparison.Ordinal));
        Assert.Contains("لوحة المتابعة", Navigation(page), StringComparison.Ordinal);
        Assert.Equal(DemoAccounts.Auditor, page.QuerySelector("nav a[href='/Account'] bdi")!.TextContent);
    }

    [Fact]
    public async Task ChosenBeforeSigningIn_TheLanguageIsKeptInACookie_AndNoAccountIsTouched()
    {
        var client = app.CreateBrowserClient();
        var auditBefore = await app.QueryAsync(db => db.AdminAudit.CountAsync());

        var chosen = await ChooseAsync(client, "/Account/Login", "ru");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/Account/Login", chosen.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync("/Account/Login");
        Assert.Equal("ru", Lang(page));
        Assert.Equal("Русский", page.QuerySelector("a.language-menu [lang=ru]")!.TextContent);
        Assert.Equal(auditBefore, await app.QueryAsync(db => db.AdminAudit.CountAsync()));
    }

    [Fact]
    public async Task ChosenWhenSignedIn_TheLanguageIsKeptWithTheAccount_AndComesBackAtTheNextSignInInAnotherBrowser()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var chosen = await ChooseAsync(client, "/Reports/Mine", "zh");

        Assert.Equal("/Reports/Mine", chosen.Headers.Location!.OriginalString);
        Assert.Equal("zh", Lang(await client.GetDocumentAsync("/Reports/Mine")));
        var audit = await app.QueryAsync(db => db.AdminAudit.Where(a => a.Action == AdminAction.LanguageChosen && a.Subject == DemoAccounts.RobinZuercher).ToListAsync());
        Assert.Equal("Language: (none) → \"zh\"", Assert.Single(audit).Details);
        Assert.Equal(DemoAccounts.RobinZuercher, audit[0].By);

        // Another browser, where French was chosen before signing in: the account's choice wins once signed in.
        var elsewhere = app.CreateBrowserClient();
        await ChooseAsync(elsewhere, "/Account/Login", "fr");
        Assert.Equal("fr", Lang(await elsewhere.GetDocumentAsync("/Account/Login")));
        await elsewhere.SignInAsync(DemoAccounts.RobinZuercher);
        Assert.Equal("zh", Lang(await elsewhere.GetDocumentAsync("/Reports/Mine")));

        // Choosing the same language again writes nothing more.
        await ChooseAsync(elsewhere, "/Reports/Mine", "zh");
        Assert.Single(await app.QueryAsync(db => db.AdminAudit.Where(a => a.Action == AdminAction.LanguageChosen && a.Subject == DemoAccounts.RobinZuercher).ToListAsync()));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData("fr'><script>")]
    public async Task AnUnknownLanguage_IsRefusedInWords_AndChangesNothing(string culture)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.MartinAdolph);
        var auditBefore = await app.QueryAsync(db => db.AdminAudit.CountAsync());

        var refused = await ChooseAsync(client, "/Reports", culture);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("JiuTracker.Language", StringComparison.Ordinal)));
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Choose one of the app’s languages: ar, zh, en, fr, ru, es.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(auditBefore, await app.QueryAsync(db => db.AdminAudit.CountAsync()));
        Assert.Equal("en", Lang(await client.GetDocumentAsync("/Reports")));
    }

    [Theory]
    [InlineData("https://elsewhere.example/")]
    [InlineData("//elsewhere.example/")]
    public async Task AReturnAddressOutsideTheApp_LandsOnTheStartPage(string returnUrl)
    {
        var client = app.CreateBrowserClient();

        var chosen = await ChooseAsync(client, returnUrl, "es");

        Assert.Equal("/", chosen.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheMenuComesBackToTheSamePage_WithoutTheCultureParameter()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var page = await client.GetDocumentAsync("/Reports?year=2021&culture=fr");
        var menu = page.QuerySelector<IHtmlAnchorElement>("a.language-menu")!.GetAttribute("href")!;
        var choice = await client.GetDocumentAsync(menu);

        Assert.Equal("/Reports?year=2021", choice.QuerySelector<IHtmlInputElement>("main input[name=ReturnUrl]")!.Value);
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string returnUrl, string culture)
    {
        var token = await client.AntiforgeryTokenAsync("/Language");
        return await client.PostAsync("/Language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Culture"] = culture,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }
}
