using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Reliability;

namespace JiuTracker.Tests.Web;

/// <summary>Production over plain HTTP alone refuses to start and says what to configure; any way to HTTPS lets it start.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class HttpsRequirementTests : IDisposable
{
    private readonly RunFolder _folder = new();

    private string DatabasePath => _folder.DatabasePath;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Production_WithOnlyAPlainHttpAddress_ExitsNonZero_SayingWhatToConfigure()
    {
        await using var app = WebAppProcess.Start("Production", DatabasePath);

        var exitCode = await app.WaitForExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("JiuTracker did not start: in Production it is served over HTTPS only", app.Output, StringComparison.Ordinal);
        foreach (var setting in new[] { "https_port", "urls", "ForwardedHeaders:KnownProxies", "ForwardedHeaders:KnownNetworks" })
        {
            Assert.Contains(setting, app.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https_port", "443")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.5")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/24")]
    [InlineData("ForwardedHeaders:BehindProxy", "true")]
    public async Task Production_WithAnHttpsPortOrATrustedProxy_Starts(string setting, string value)
    {
        await using var app = WebAppProcess.Start("Production", DatabasePath, new Dictionary<string, string> { [setting] = value });

        await app.WaitUntilServingAsync();

        Assert.DoesNotContain("did not start", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_InProductionWithoutHttpsSettings_StillRuns()
    {
        var (exitCode, output) = await WebAppProcess.RunCommandAsync(DatabasePath, "Strong-Passw0rd-2026", "create-admin", "--email", "first.admin@example.org");

        Assert.True(exitCode == 0, output);
    }
}
