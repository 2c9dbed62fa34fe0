using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace JiuTracker.BrowserTests.Accessibility;

/// <summary>
/// The sign-in page as it is with single sign-on set up (the catalog's app has none): with the organization's button,
/// with a refused sign-in's message, and the break-glass form; no WCAG 2.1 A or AA violation, and it fits a 1366 px laptop.
/// </summary>
public sealed class SingleSignOnAccessibilityTests(SingleSignOnBrowserApp sso) : IClassFixture<SingleSignOnBrowserApp>
{
    public static TheoryData<string> Addresses => ["Account/Login", "Account/Login?failure=sso", "Account/Login?breakGlass=true"];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task TheSignInPageWithTheProvidersButton_HasNoViolations_AndFitsA1366PxLaptop(string address)
    {
        await using var session = await sso.App.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);

        await page.GotoAsync(address);
        var result = await Axe.RunAsync(page, Axe.Wcag21AA);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

        await Journey.SaveAsync([page], "sso-" + string.Concat(address.Select(c => char.IsLetterOrDigit(c) ? c : '-')));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {OpenIdProvider.Organization}" }).IsVisibleAsync());
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
        Assert.False(overflow, $"/{address} scrolls sideways at 1366 px.");
    }
}
