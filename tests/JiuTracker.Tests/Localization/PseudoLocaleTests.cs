using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Localization;
using Microsoft.AspNetCore.Hosting;

namespace JiuTracker.Tests.Localization;

/// <summary>
/// Pages rendered in the pseudo-language (<c>Languages:PseudoLocale</c>): their text comes from the resources. So far
/// the header of every page and the pages listed in <see cref="WhollyLocalizedPages"/> (issue 23 is under way).
/// </summary>
public sealed class PseudoLocaleTests(PseudoLocaleTests.PseudoLocaleFactory app) : IClassFixture<PseudoLocaleTests.PseudoLocaleFactory>
{
    public sealed class PseudoLocaleFactory : JiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(LanguageServiceCollectionExtensions.PseudoLocaleSetting, "true");
        }
    }

    public static TheoryData<string, string> PagesWithTheirHeader() => new()
    {
        { DemoAccounts.Admin, "/Reports" },
        { DemoAccounts.Admin, "/Dashboard" },
        { DemoAccounts.Admin, "/Exports" },
        { DemoAccounts.Admin, "/Rounds" },
        { DemoAccounts.Admin, "/Validation" },
        { DemoAccounts.Admin, "/Admin" },
        { DemoAccounts.Admin, "/Audit" },
        { DemoAccounts.Admin, "/Account" },
        { DemoAccounts.RobinZuercher, "/Reports/Mine" },
        { "", "/Account/Login" },
    };

    /// <summary>The pages whose every word comes from the resources, with the status they answer.</summary>
    public static TheoryData<string, int> WhollyLocalizedPages() => new()
    {
        { "/Language", 200 },
        { "/Account/Logout", 200 },
        { "/Error", 200 },
        { "/Reports/Details/999999", 404 },
        { "/StatusCode?code=400", 200 },
        { "/StatusCode?code=429", 200 },
        { "/StatusCode?code=503", 200 },
    };

    [Theory]
    [MemberData(nameof(PagesWithTheirHeader))]
    public async Task TheHeader_ComesFromTheResources(string account, string path)
    {
        var client = account.Length == 0 ? app.CreateBrowserClient() : await app.SignedInClientAsync(account);

        var page = await client.GetDocumentAsync(path + "?culture=" + Languages.Pseudo);

        var header = page.QuerySelector("header")!;
        Assert.Contains(PseudoLocalizerFactory.Open, header.TextContent, StringComparison.Ordinal);
        Assert.Empty(PseudoLocale.TextOutsideResources(header));
        Assert.Empty(PseudoLocale.TextOutsideResources(page.QuerySelector("a[href='#main']")!));
    }

    [Theory]
    [MemberData(nameof(WhollyLocalizedPages))]
    public async Task TheWholePage_ComesFromTheResources(string path, int status)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        // By the cookie rather than ?culture=: an error page is rendered again for its status, without the query.
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{LanguageServiceCollectionExtensions.CookieName}=c%3D{Languages.Pseudo}%7Cuic%3D{Languages.Pseudo}");
        var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Empty(PseudoLocale.TextOutsideResources(page.DocumentElement));
    }

    [Fact]
    public async Task TheSignInPage_AndItsRefusal_ComeFromTheResources()
    {
        var client = app.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{LanguageServiceCollectionExtensions.CookieName}=c%3D{Languages.Pseudo}%7Cuic%3D{Languages.Pseudo}");

        var page = await client.GetDocumentAsync("/Account/Login");
        var refused = await (await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@jiutracker.local",
            ["Input.Password"] = "not the password",
        }, "#password-sign-in")).ReadDocumentAsync();
        var empty = await (await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        }, "#password-sign-in")).ReadDocumentAsync();

        Assert.Empty(PseudoLocale.TextOutsideResources(page.DocumentElement));
        Assert.Contains(PseudoLocalizerFactory.Open, refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(PseudoLocale.TextOutsideResources(refused.DocumentElement));
        Assert.Equal(2, empty.QuerySelectorAll(".field-validation-error").Length);
        Assert.Empty(PseudoLocale.TextOutsideResources(empty.DocumentElement));
    }

    [Fact]
    public void TheCheck_FindsTextAndAttributesOutsideTheResources_ButNotDataOrNumbers()
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            "<html lang=\"fr\"><body><p>⟦Rapport⟧ <bdi>JIU/REP/2021/3</bdi> 25,0 % – ⟦de⟧ written here</p>" +
            "<button title=\"⟦Enregistrer⟧\">⟦Enregistrer⟧</button><a aria-label=\"Next page\">→</a>" +
            "<select><option lang=\"ar\">العربية</option></select></body></html>");

        var found = PseudoLocale.TextOutsideResources(page.DocumentElement);

        Assert.Equal(["\"25,0 % – written here\" in <p>", "<a aria-label=\"Next page\">"], found);
    }
}
