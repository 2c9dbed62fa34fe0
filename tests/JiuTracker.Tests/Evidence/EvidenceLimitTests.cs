using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using Microsoft.AspNetCore.Hosting;

namespace JiuTracker.Tests.Evidence;

/// <summary>A file over <c>Evidence:MaxFileBytes</c> is refused in words, and nothing is stored.</summary>
public sealed class EvidenceLimitTests(EvidenceLimitTests.SmallLimitApp app) : IClassFixture<EvidenceLimitTests.SmallLimitApp>
{
    public const int Limit = 1_000;

    public sealed class SmallLimitApp : JiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Evidence:MaxFileBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task AFileOverTheLimit_IsRefusedSayingSo_AndNothingIsStored_WhileOneAtTheLimitIsStored()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 1);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var before = await app.RowCountsAsync();

        var response = await EvidenceTests.UploadAsync(client, id, "large.txt", EvidenceFiles.Text(new string('a', Limit + 1)));

        var message = (await response.ReadDocumentAsync()).QuerySelector("main .validation-summary-errors")!.TextContent;
        Assert.Contains("large.txt is larger than the limit of 1,000 bytes a file. Nothing was stored.", message, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());

        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await EvidenceTests.UploadAsync(client, id, "fits.txt", EvidenceFiles.Text(new string('a', Limit)))).StatusCode);
        Assert.NotEqual(before, await app.RowCountsAsync());
    }
}
