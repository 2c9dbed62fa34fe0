using System.Text.RegularExpressions;
using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>
/// Signing in with the organization's provider in a real Chromium: through the provider's own sign-in page and back
/// with the role its groups give; signing out there too; after a group change the next sign-in has the new role.
/// </summary>
public sealed partial class SingleSignOnJourneyTests(SingleSignOnBrowserApp sso) : IClassFixture<SingleSignOnBrowserApp>
{
    private const string Email = "grace.hopper@example.org";
    private const string Password = "provider-password";

    [Fact]
    public async Task SigningInThroughTheProvidersPage_ComesBackWithTheMappedRole_AndAGroupChangeGivesTheNewRoleNextTime()
    {
        sso.Provider.SetUser("subject-grace", "grace", Password, Email, "jiu-management");
        await using var session = await sso.App.NewSessionAsync();
        var page = session.Page;
        await Journey.RunAsync(page, nameof(SigningInThroughTheProvidersPage_ComesBackWithTheMappedRole_AndAGroupChangeGivesTheNewRoleNextTime), async () =>
        {
            await page.GotoAsync("Dashboard");
            await SignInAtTheProviderAsync(page);

            await Expect(page.GetByText($"Signed in as {Email}")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(DashboardAddress());
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
            Assert.Equal(["Management"], await RolesAsync());

            sso.Provider.SetUser("subject-grace", "grace", Password, Email, "jiu-admins");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            // The provider asks whether to end its session too, on its own page, then sends the browser back.
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

            await SignInAtTheProviderAsync(page);

            await Expect(page.GetByText($"Signed in as {Email}")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();
            Assert.Equal(["Administrator"], await RolesAsync());
        });
    }

    /// <summary>From the app's sign-in page: the organization's button, then the provider's own form.</summary>
    private async Task SignInAtTheProviderAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {OpenIdProvider.Organization}" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(sso.Provider.Issuer.ToString())}interaction/"));
        await page.GetByLabel("User name").FillAsync("grace");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to the test provider" }).ClickAsync();
    }

    private Task<List<string>> RolesAsync() =>
        sso.App.QueryAsync(db => (from u in db.Users
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where u.Email == Email
                                  select r.Name!).ToListAsync());

    [GeneratedRegex("/Dashboard$")]
    private static partial Regex DashboardAddress();
}
