using System.Net;
using JiuTracker.Tests.Dashboard;
using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Security;

/// <summary>
/// A session ends on the server: a copy of its cookie (taken after the session was checked once, so it carries that
/// check) is refused at its next request after sign-out, a password reset or disabling the account, although the app
/// checks accounts by the clock only every hour. Requests while nothing changed cost no account query.
/// </summary>
public class SignOutTests(SignOutTests.HourlyCheckApp app) : IClassFixture<SignOutTests.HourlyCheckApp>
{
    private const string AuthCookie = "JiuTracker.Auth";

    /// <summary>A client with cookies of its own, which a test can read and copy.</summary>
    private HttpClient Browser(CookieContainer cookies) =>
        app.CreateDefaultClient(app.ClientOptions.BaseAddress, new CookieContainerHandler(cookies));

    /// <summary>Signs in, lets the session be checked once (the cookie is renewed with that check) and copies the cookie.</summary>
    private async Task<(HttpClient Session, HttpClient Stolen)> SignedInWithACopyAsync(string email)
    {
        var cookies = new CookieContainer();
        var session = Browser(cookies);
        await session.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Reports")).StatusCode);

        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(app.ClientOptions.BaseAddress))
        {
            if (cookie.Name.StartsWith(AuthCookie, StringComparison.Ordinal))
            {
                copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
            }
        }

        var stolen = Browser(copy);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("/Reports")).StatusCode);
        return (session, stolen);
    }

    private static async Task AssertSentToSignInAsync(HttpClient client, string after)
    {
        var response = await client.GetAsync("/Reports");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal),
            $"After {after}, the old session's cookie answered {(int)response.StatusCode} {response.Headers.Location} instead of a redirect to sign in.");
    }

    private Task<string> UserIdAsync(string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task SignOut_TheSessionsCookieReplayed_IsRefusedAtOnce()
    {
        var (session, stolen) = await SignedInWithACopyAsync(DemoAccounts.PreetamMaloor);

        var signedOut = await session.SubmitFormAsync("/Account/Logout", new Dictionary<string, string>(), "main form");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await AssertSentToSignInAsync(stolen, "signing out");
    }

    [Fact]
    public async Task PasswordResetByAnAdministrator_EndsTheAccountsSessionsAtOnce()
    {
        var (_, stolen) = await SignedInWithACopyAsync(DemoAccounts.MartinAdolph);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var reset = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{await UserIdAsync(DemoAccounts.MartinAdolph)}",
            new Dictionary<string, string> { ["newPassword"] = "Strong-Passw0rd-2026" }, "#reset-password");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await AssertSentToSignInAsync(stolen, "a password reset");
    }

    [Fact]
    public async Task DisablingTheAccount_EndsItsSessionsAtOnce()
    {
        var (_, stolen) = await SignedInWithACopyAsync(DemoAccounts.RobinZuercher);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var disabled = await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{await UserIdAsync(DemoAccounts.RobinZuercher)}",
            new Dictionary<string, string>(), "#disable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await AssertSentToSignInAsync(stolen, "disabling the account");
    }

    [Fact]
    public async Task WhileNoAccountChanges_RequestsSendNoAccountQuery_AndAfterAChangeOneRequestChecks()
    {
        var (session, _) = await SignedInWithACopyAsync(DemoAccounts.Auditor);

        var unchanged = await AccountQueriesForAsync(session);
        await app.CreateBrowserClient().SignInAsync(DemoAccounts.Management); // the sign-in of another account changes nothing of it
        var afterOtherSignIn = await AccountQueriesForAsync(session);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        await admin.SubmitFormAsync($"/Admin/Accounts/Edit/{await UserIdAsync(DemoAccounts.AndersNorsker)}",
            new Dictionary<string, string> { ["newPassword"] = "Another-Passw0rd-2026" }, "#reset-password");
        var afterAccountChange = await AccountQueriesForAsync(session);
        var afterThat = await AccountQueriesForAsync(session);

        Assert.Equal(0, unchanged);
        Assert.Equal(0, afterOtherSignIn);
        Assert.True(afterAccountChange > 0, "After an account change, the next request did not check its own account.");
        Assert.Equal(0, afterThat);
    }

    [Fact]
    public async Task ANewSession_StartsAsChecked_SoItsFirstRequestSendsNoAccountQuery()
    {
        var client = Browser(new CookieContainer());
        await client.SignInAsync(DemoAccounts.CosmasZavazava);

        var queries = await AccountQueriesForAsync(client);
        Assert.True(queries == 0, $"The first request of a new session sent {queries} account queries: the sign-in did not record its check.");
    }

    /// <summary>The Identity queries (users, roles, claims) one request sends.</summary>
    private async Task<int> AccountQueriesForAsync(HttpClient client)
    {
        app.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Logout")).StatusCode);
        return app.Commands.Texts.Count(t => t.Contains("\"AspNet", StringComparison.Ordinal));
    }

    /// <summary>Accounts checked by the clock only every hour, so only the data version can end a session at once.</summary>
    public sealed class HourlyCheckApp : JiuTrackerFactory
    {
        public QueryCountTests.CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:AccountCheckSeconds", "3600");
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands));
        }
    }
}
