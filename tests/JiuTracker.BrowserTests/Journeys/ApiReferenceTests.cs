using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JiuTracker.BrowserTests.Journeys;

/// <summary>
/// The API's reference page (Swagger UI, vendored) renders every operation of the OpenAPI document under the app's
/// CSP: no inline script or style is refused, no script fails, nothing is fetched from another site.
/// </summary>
public sealed class ApiReferenceTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheReference_FromTheTokensPage_ShowsEveryOperation_WithoutACspViolation()
    {
        await using var session = await app.SignedInAsync(DemoAccounts.AndersNorsker);
        var page = session.Page;
        var violations = new List<string>();
        var foreign = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                violations.Add($"console {message.Type} at {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Add($"page error: {error}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        await Journey.RunAsync(page, nameof(TheReference_FromTheTokensPage_ShowsEveryOperation_WithoutACspViolation), async () =>
        {
            await page.GotoAsync("Account/Tokens");
            // Only what the reference page itself does counts from here.
            violations.Clear();
            await page.GetByRole(AriaRole.Link, new() { Name = "The API's reference" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API reference", Exact = true })).ToBeVisibleAsync();
            var operations = page.Locator(".opblock-summary-path");
            await Expect(operations).ToHaveCountAsync(6);
            var paths = await operations.AllInnerTextsAsync();
            Assert.Contains(paths, p => p.Contains("/api/v1/recommendations/{id}", StringComparison.Ordinal));
            await Expect(page.Locator(".opblock-patch")).ToHaveCountAsync(1);
            var refused = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
            Assert.True(refused.Length == 0, string.Join("\n", refused));
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            Assert.Empty(foreign);

            // The catalog's axe run covers the page for every visitor; here its result is shown on its own.
            await page.Locator(".opblock-patch .opblock-summary").ClickAsync();
            await page.Locator(".opblock-patch .opblock-body").WaitForAsync();
            var axe = await JiuTracker.BrowserTests.Accessibility.Axe.RunAsync(page, JiuTracker.BrowserTests.Accessibility.Axe.Wcag21AA);
            Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
        });
    }
}
