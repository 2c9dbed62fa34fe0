using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Security;

/// <summary>
/// With <c>AllowedHosts</c> set, a request naming another host is refused with 400, so no absolute redirect (HTTPS
/// redirection, the sign-in challenge) ever carries a host an attacker chose. The app as a process, in Production
/// behind a proxy on 127.0.0.1.
/// </summary>
public sealed class AllowedHostsTests(AllowedHostsTests.ConfiguredHostApp app) : IClassFixture<AllowedHostsTests.ConfiguredHostApp>
{
    private const string OurHost = "jiutracker.example.org";
    private const string OtherHost = "attacker.example.net";

    private async Task<HttpResponseMessage> GetAsync(string path, string host, bool forwardedHttps)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Process.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = host;
        if (forwardedHttps)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/Reports", false)]
    [InlineData("/Reports", true)]
    [InlineData("/Account/Login", true)]
    public async Task Request_ForAHostNotAllowed_Is400_WithoutARedirect(string path, bool forwardedHttps)
    {
        var response = await GetAsync(path, OtherHost, forwardedHttps);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain(OtherHost, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpsRedirection_ForTheAllowedHost_GoesToThatHost()
    {
        var response = await GetAsync("/Reports", OurHost, forwardedHttps: false);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://{OurHost}/Reports"), response.Headers.Location);
    }

    [Fact]
    public async Task SignInRedirect_ForTheAllowedHost_GoesToThatHost()
    {
        var response = await GetAsync("/Reports", OurHost, forwardedHttps: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"https://{OurHost}/Account/Login?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    public sealed class ConfiguredHostApp : IAsyncLifetime
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("jiutracker-tests-");

        public JiuTracker.Reliability.AppProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = WebAppProcess.Start("Production", Path.Combine(_folder.FullName, "jiutracker.db"), new Dictionary<string, string>
            {
                ["AllowedHosts"] = OurHost,
                ["https_port"] = "443",
                ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
                ["ForwardedHeaders:BehindProxy"] = "true",
            });
            await Process.WaitUntilServingAsync();
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
        }
    }
}
