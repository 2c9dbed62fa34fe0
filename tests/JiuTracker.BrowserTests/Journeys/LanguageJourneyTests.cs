using JiuTracker.BrowserTests.Accessibility;
using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>Choosing the language from the header, with the keyboard alone, before and after signing in (decision 044).</summary>
public sealed class LanguageJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SomeoneChoosesFrenchBeforeSigningIn_ThenArabic_WithTheKeyboardAlone_AndEachPageFollows()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var keyboard = page.Keyboard;

        await Journey.RunAsync(page, nameof(SomeoneChoosesFrenchBeforeSigningIn_ThenArabic_WithTheKeyboardAlone_AndEachPageFollows), async () =>
        {
            await page.GotoAsync("Account/Login");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await KeyboardTests.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Language: English" }));
            await keyboard.PressAsync("Enter");
            await KeyboardTests.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Français" }));
            await keyboard.PressAsync("Enter");

            await page.WaitForURLAsync("**/Account/Login");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Langue : Français" })).ToBeVisibleAsync();

            await page.GetByLabel("Adresse électronique").FillAsync(DemoAccounts.MartinAdolph);
            await page.GetByLabel("Mot de passe").FillAsync(JiuTracker.Web.Demo.DemoData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mes rapports" })).ToBeVisibleAsync();

            await KeyboardTests.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Langue : Français" }));
            await keyboard.PressAsync("Enter");
            await KeyboardTests.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "العربية" }));
            await keyboard.PressAsync("Enter");

            await page.WaitForURLAsync("**/Reports/Mine");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "تقاريري" })).ToBeVisibleAsync();
            // Right to left: the brand is at the right end of the header, the sign-out button at its left.
            var brand = await page.Locator(".navbar-brand").BoundingBoxAsync();
            var signOut = await page.Locator("nav form button[type=submit]").BoundingBoxAsync();
            Assert.True(brand!.X > signOut!.X, $"the brand at {brand.X} px is not right of the sign-out button at {signOut.X} px");
        });

        await Journey.SaveAsync([page], "language-arabic-my-reports");
    }
}
