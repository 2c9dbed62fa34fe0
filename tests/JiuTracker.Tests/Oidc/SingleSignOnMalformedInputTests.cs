using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Security;

namespace JiuTracker.Tests.Oidc;

/// <summary>
/// The single sign-on handlers with single sign-on on (<see cref="MalformedInputTests"/> posts to them with it off):
/// a malformed return address is refused or replaced by the start page, and a malformed answer at the callback
/// address ends on the sign-in page with a message; never a server error, nothing stored.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class SingleSignOnMalformedInputTests(SingleSignOnApp sso) : IClassFixture<SingleSignOnApp>
{
    public static TheoryData<string, string> Variants => MalformedInputTests.Variants;

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task TheSignInButton_WithAMalformedReturnAddress_IsRefusedOrReturnsToTheStartPage(string variant, string value)
    {
        var client = sso.App.CreateNetworkClient();
        var page = await client.GetDocumentAsync("/Account/Login");
        var before = await sso.App.RowCountsAsync();

        var response = await client.SubmitFormAsync(page, "/Account/Login", new Dictionary<string, string> { ["ReturnUrl"] = value }, "#single-sign-on");

        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge))
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"With a {variant} in ReturnUrl: {(int)response.StatusCode}");
            var redirect = Uri.UnescapeDataString(response.Headers.Location!.ToString());
            Assert.StartsWith(sso.Provider.Issuer.ToString(), redirect, StringComparison.Ordinal);
            Assert.DoesNotContain(value[..Math.Min(value.Length, 20)], redirect, StringComparison.Ordinal);
        }

        Assert.Equal(before, await sso.App.RowCountsAsync());
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task TheCallbackAddress_WithAMalformedCodeOrState_ShowsTheSignInPageWithAMessage(string variant, string value)
    {
        using var browser = new ProviderBrowser(sso.App.Address);
        var before = await sso.App.RowCountsAsync();
        var escaped = Uri.EscapeDataString(value[..Math.Min(value.Length, 4_000)]);

        foreach (var query in new[] { $"code={escaped}&state={escaped}", $"state={escaped}", $"error={escaped}&state={escaped}" })
        {
            var response = await browser.DeliverAsync(new Uri(sso.App.Address, $"/signin-oidc?{query}"));

            Assert.True((int)response.StatusCode < 500, $"/signin-oidc?{query[..Math.Min(query.Length, 60)]} with a {variant}: {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                Assert.Contains("was refused", await response.RefusalShownAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await sso.App.RowCountsAsync());
    }
}
