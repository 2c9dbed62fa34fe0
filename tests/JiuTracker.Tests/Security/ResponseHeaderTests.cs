using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Security;

public class ResponseHeaderTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData("/Account/Login", false)]
    [InlineData("/Reports", true)]
    [InlineData("/export/recommendations.csv", true)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url, bool signedIn)
    {
        var client = signedIn ? await app.SignedInClientAsync(DemoAccounts.Auditor) : app.CreateBrowserClient();

        var response = await client.GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        foreach (var url in new[] { "/Account/Logout", "/Reports", "/Dashboard", "/Exports", "/Admin" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"{url} has an inline script"));
            Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onchange], [onsubmit]"));
        }
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyAndSameSiteStrict()
    {
        var client = app.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Auditor,
            ["Input.Password"] = "JiuTracker-Demo-2026",
        });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("JiuTracker.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

public class ProductionResponseTests(ProductionJiuTrackerFactory app) : IClassFixture<ProductionJiuTrackerFactory>
{
    [Fact]
    public async Task Production_RedirectsPlainHttpToHttps_AndSendsHsts()
    {
        var plain = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://intranet.example"),
        });

        var redirected = await plain.GetAsync("/Account/Login");
        var secure = await app.CreateBrowserClient().GetAsync("https://intranet.example/Account/Login");

        Assert.Equal("https", redirected.Headers.Location!.Scheme);
        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var antiforgery = secure.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
