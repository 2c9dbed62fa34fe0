using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;

namespace JiuTracker.Tests.Security;

/// <summary>
/// Nobody can make the server read a large body without signing in: over real HTTP (Kestrel on a loopback port), a
/// 1 MB post to the sign-in or the status-code page is refused with a 413, whether its length is announced or it comes
/// chunked; signed-in forms get 8 MB. Signing in still works. (The upload page's own, larger limit is
/// <see cref="Admin.ImportUploadLimitTests"/>.)
/// </summary>
public class RequestBodyLimitTests(KestrelJiuTrackerFactory app) : IClassFixture<KestrelJiuTrackerFactory>
{
    private const int OneMegabyte = 1024 * 1024;

    [Theory]
    [InlineData("/Account/Login", true)]
    [InlineData("/Account/Login", false)]
    [InlineData("/StatusCode", true)]
    [InlineData("/StatusCode", false)]
    [InlineData("/Reports", true)]
    [InlineData("/Admin/Import?handler=Preview", true)]
    [InlineData("/Admin/Import?handler=Preview", false)]
    [InlineData("/Recommendations/Evidence/1?handler=Upload", true)]
    [InlineData("/Recommendations/Evidence/1?handler=Upload", false)]
    public async Task AnonymousPost_OfOneMegabyte_IsRefusedAsTooLarge(string path, bool lengthAnnounced)
    {
        using var client = app.CreateNetworkClient();

        using var response = await PostFormAsync(client, path, OneMegabyte, lengthAnnounced);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than this page accepts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningIn_OverTheNetwork_StillWorks()
    {
        using var client = app.CreateNetworkClient();

        await client.SignInAsync(DemoAccounts.Management);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports")).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignedInPost_OverEightMegabytes_IsRefusedAsTooLarge(bool lengthAnnounced)
    {
        using var client = app.CreateNetworkClient();
        await client.SignInAsync(DemoAccounts.Admin);

        using var response = await PostFormAsync(client, "/Admin/FocalPoints/Create", 9 * OneMegabyte, lengthAnnounced);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SignedInPost_OfOneMegabyte_ReachesTheForm()
    {
        using var client = app.CreateNetworkClient();
        await client.SignInAsync(DemoAccounts.Admin);
        var token = await client.AntiforgeryTokenAsync("/Admin/FocalPoints/Create");

        using var response = await client.PostAsync("/Admin/FocalPoints/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = new string('x', OneMegabyte), ["Input.Unit"] = "OICT",
        }));

        // The form's own check answers (the name is too long), not the body limit.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AFileOfEvidenceOverTheDefaultLimit_ReachesTheEvidencePage_AndIsRefusedInWords()
    {
        using var client = app.CreateNetworkClient();
        await client.SignInAsync(DemoAccounts.RobinZuercher);
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 2);
        var before = await app.RowCountsAsync();

        // 21 MB: over Evidence:MaxFileBytes (20 MB) and the 8 MB of other signed-in forms, under the page's own limit.
        using var response = await Evidence.EvidenceTests.UploadAsync(client, id, "scan.pdf", [.. EvidenceFiles.Pdf, .. new byte[21 * OneMegabyte]]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("scan.pdf is larger than the limit of 20 MB a file. Nothing was stored.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    /// <summary>A form of about <paramref name="bytes"/> bytes, its length in the headers or sent in chunks of unknown length.</summary>
    /// <remarks>In fields of 100 kB, so that the form reader's limit on one value is not what refuses it.</remarks>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, int bytes, bool lengthAnnounced)
    {
        var field = new string('x', 100 * 1024);
        var body = System.Text.Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, bytes / field.Length + 1).Select(i => $"f{i}={field}")));
        HttpContent content = lengthAnnounced ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        // The body waits for the server's "100 Continue", so a refusal before it is read reaches the client.
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        return client.SendAsync(request);
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
