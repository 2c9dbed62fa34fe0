using System.Net;
using AngleSharp.Html.Parser;
using JiuTracker.Reliability;
using JiuTracker.Tests.Reliability;

namespace JiuTracker.Tests.Admin;

/// <summary>Uploads over the size limit, through Kestrel's own request limits: the app in a process of its own.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class ImportUploadLimitTests : IAsyncLifetime, IDisposable
{
    private readonly RunFolder _folder = new();
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(RunFolder.AppDll, _folder.DatabasePath, port: 0, CancellationToken.None);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private async Task<HttpResponseMessage> UploadAsync(int megabytes)
    {
        var administrator = new AppClient(_app.BaseAddress);
        await administrator.SignInAsync(DemoAccount.Editors[0].Email, DemoAccount.Password, CancellationToken.None);
        var page = await administrator.GetPageAsync("/Admin/Import", CancellationToken.None);
        var token = page.Document.QuerySelector("#upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[megabytes * 1024 * 1024]), "document", "action-required.txt" },
        };
        // As browsers do not, but curl does: the body waits for the server's "100 Continue", so a refusal of the request
        // before its body is read reaches the client instead of a reset of the connection it is still writing to.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Import?handler=Preview") { Content = content };
        request.Headers.ExpectContinue = true;
        return await administrator.Http.SendAsync(request);
    }

    [Fact]
    public async Task UploadOverTheLimit_EvenOverKestrelsDefaultRequestLimit_GetsTheFormBack_WithTheSizeAndTheLimit()
    {
        // Kestrel's default limit is 30 MB; the upload page raises it to 64 MB.
        using var response = await UploadAsync(megabytes: 40);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("action-required.txt is 40.0 MB, larger than the 5.0 MB a document may have", page.QuerySelector("#upload .alert")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadFarOverThePagesRequestLimit_IsABadRequest_NotAServerError()
    {
        using var response = await UploadAsync(megabytes: 80);

        // Kestrel refuses to read the body; the antiforgery check, the first to read the form, turns that into a 400.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
