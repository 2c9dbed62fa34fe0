using System.Net;
using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace JiuTracker.Tests.Security;

public class SignInProtectionTests(SignInProtectionTests.StrictApp app) : IClassFixture<SignInProtectionTests.StrictApp>
{
    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task SignIn_PostsBeyondTheLimitPerMinute_AreRefusedWith429_WhileTheFormStillOpens()
    {
        var client = app.CreateBrowserClient();
        var page = await client.GetDocumentAsync("/Account/Login");
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < StrictApp.AttemptsPerMinute + 2; attempt++)
        {
            answers.Add((await client.SubmitFormAsync(page, "/Account/Login", Credentials("nobody@jiutracker.local", "not-a-password"))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        var refused = await client.SubmitFormAsync(page, "/Account/Login", Credentials(DemoAccounts.Auditor, "JiuTracker-Demo-2026"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The app with a low sign-in limit, so the test reaches it quickly.</summary>
    public sealed class StrictApp : JiuTrackerFactory
    {
        public const int AttemptsPerMinute = 8;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:SignInAttemptsPerMinute", AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

public class LockoutTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        var client = app.CreateBrowserClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitFormAsync("/Account/Login", SignInForm(DemoAccounts.RobinZuercher, "wrong-password-" + attempt));
        }

        var response = await client.SubmitFormAsync("/Account/Login", SignInForm(DemoAccounts.RobinZuercher, "JiuTracker-Demo-2026"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> SignInForm(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };
}
