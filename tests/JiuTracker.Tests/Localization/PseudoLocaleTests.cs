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

    public static TheoryData<string> WhollyLocalizedPages() => ["/Language"];

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
    public async Task TheWholePage_ComesFromTheResources(string path)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync(path + "?culture=" + Languages.Pseudo);

        Assert.Empty(PseudoLocale.TextOutsideResources(page.DocumentElement));
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
