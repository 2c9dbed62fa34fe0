using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

public sealed class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SignInPage_LoadsTheAppsStylesheets()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await Journey.RunAsync(page, nameof(SignInPage_LoadsTheAppsStylesheets), async () =>
        {
            var stylesheets = new List<IResponse>();
            page.Response += (_, response) =>
            {
                if (response.Url.Contains(".css", StringComparison.Ordinal))
                {
                    stylesheets.Add(response);
                }
            };
            await page.GotoAsync("Account/Login");

            Assert.Equal(2, stylesheets.Count);
            Assert.All(stylesheets, css => Assert.Equal(200, css.Status));
            // Bootstrap's primary button colour and site.css's caption rule both reached the page.
            var button = await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })
                .EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
            Assert.Equal("rgb(13, 110, 253)", button);
            var fontSize = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize");
            Assert.Equal("15px", fontSize);
        });
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.Management);
        var page = session.Page;
        await Journey.RunAsync(page, nameof(SignOut_EndsTheSession), async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Signed in as")).ToHaveCountAsync(0);
            // The session is gone, not just hidden: a page that needs it sends the browser back to sign in.
            await page.GotoAsync("Dashboard");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2FDashboard"));
        });
    }
}
