using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Reliability;
using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace JiuTracker.Tests.Security;

/// <summary>Sign-in POSTs over real HTTP from 127.0.0.1, each naming another client address in X-Forwarded-For.</summary>
public static class ForwardedSignIn
{
    public const int AttemptsPerAddress = 8;
    public const int AttemptsPerAccount = 5;

    /// <summary>The statuses of <paramref name="count"/> sign-in POSTs, the i-th (from 1) forwarded for <c>address(i)</c>, for <c>email(i)</c>.</summary>
    public static async Task<List<HttpStatusCode>> PostAsync(KestrelJiuTrackerFactory app, int count, Func<int, string> address, Func<int, string> email)
    {
        using var client = app.CreateNetworkClient();
        var page = await client.GetDocumentAsync("/Account/Login");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= count; i++)
        {
            var fields = AppPage.FieldsOf(form);
            fields["Input.Email"] = email(i);
            fields["Input.Password"] = "wrong-password-" + i.ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("X-Forwarded-For", address(i));
            using var response = await client.SendAsync(request);
            answers.Add(response.StatusCode);
        }

        return answers;
    }

    /// <summary>Low sign-in limits, so tests reach them quickly.</summary>
    public static void LowLimits(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:SignInAttemptsPerMinute", AttemptsPerAddress.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignInAttemptsPerAccountPerMinute", AttemptsPerAccount.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>With no proxy configured, nobody's X-Forwarded-For is believed, loopback's neither: the limit per address holds.</summary>
public class ForwardedForWithoutProxyTests(ForwardedForWithoutProxyTests.NoProxyApp app) : IClassFixture<ForwardedForWithoutProxyTests.NoProxyApp>
{
    [Fact]
    public async Task SignInPosts_NamingAnotherAddressEachTime_AreStillLimitedPerRealAddress()
    {
        var answers = await ForwardedSignIn.PostAsync(app, 20, i => $"203.0.113.{i}", i => $"nobody{i}@jiutracker.local");

        Assert.True(answers.Take(ForwardedSignIn.AttemptsPerAddress).All(a => a == HttpStatusCode.OK), string.Join(", ", answers));
        Assert.True(answers.Skip(ForwardedSignIn.AttemptsPerAddress).All(a => a == HttpStatusCode.TooManyRequests),
            $"X-Forwarded-For escaped the limit per address: {string.Join(", ", answers)}");
    }

    public sealed class NoProxyApp : KestrelJiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            ForwardedSignIn.LowLimits(builder);
        }
    }
}

/// <summary>Told it sits behind a proxy on the same machine, the app believes loopback's X-Forwarded-For.</summary>
public class ForwardedForBehindProxyTests(ForwardedForBehindProxyTests.BehindLocalProxyApp app) : IClassFixture<ForwardedForBehindProxyTests.BehindLocalProxyApp>
{
    [Fact]
    public async Task SignInPosts_FromManyForwardedAddresses_AreLimitedPerForwardedAddress()
    {
        var many = await ForwardedSignIn.PostAsync(app, 20, i => $"198.51.100.{i}", i => $"somebody{i}@jiutracker.local");
        var one = await ForwardedSignIn.PostAsync(app, ForwardedSignIn.AttemptsPerAddress + 1, _ => "192.0.2.7", i => $"anybody{i}@jiutracker.local");

        Assert.True(many.All(a => a == HttpStatusCode.OK), $"Each forwarded address made one attempt: {string.Join(", ", many)}");
        Assert.True(one.Take(ForwardedSignIn.AttemptsPerAddress).All(a => a == HttpStatusCode.OK), string.Join(", ", one));
        Assert.Equal(HttpStatusCode.TooManyRequests, one[^1]);
    }

    [Fact]
    public async Task SignInPosts_ForOneAccountFromManyAddresses_AreLimitedPerAccount()
    {
        var answers = await ForwardedSignIn.PostAsync(app, 12, i => $"100.64.0.{i}", _ => DemoAccounts.Auditor);

        Assert.True(answers.Take(ForwardedSignIn.AttemptsPerAccount).All(a => a == HttpStatusCode.OK), string.Join(", ", answers));
        Assert.True(answers.Skip(ForwardedSignIn.AttemptsPerAccount).All(a => a == HttpStatusCode.TooManyRequests),
            $"One account was tried from many addresses without limit: {string.Join(", ", answers)}");
    }

    [Fact]
    public async Task TheLimitPerAccount_SaysWhatToDo_AndCountsEMailsAsTheAccountDoes()
    {
        await ForwardedSignIn.PostAsync(app, ForwardedSignIn.AttemptsPerAccount, i => $"100.65.0.{i}", _ => "someone.else@jiutracker.local");

        using var client = app.CreateNetworkClient();
        var refused = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "SomeOne.Else@JiuTracker.local", ["Input.Password"] = "wrong-password",
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts were made for this e-mail address", (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    public sealed class BehindLocalProxyApp : KestrelJiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            ForwardedSignIn.LowLimits(builder);
            builder.UseSetting("ForwardedHeaders:BehindProxy", "true");
        }
    }
}
