using System.Net;
using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Updates;

/// <summary>An update workbook downloaded over HTTP, to fill in (<see cref="UpdateWorkbookEditor"/>) and upload back through the page.</summary>
public static class DownloadedWorkbook
{
    public const string Path = "/export/update-workbook.xlsx";

    public static async Task<UpdateWorkbookEditor> DownloadAsync(HttpClient client, string url = Path)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return new UpdateWorkbookEditor(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Uploads the file on the upload page and returns the preview page.</summary>
    public static async Task<IHtmlDocument> UploadAsync(this UpdateWorkbookEditor workbook, HttpClient client, string fileName = "update.xlsx")
    {
        var response = await PostAsync(client, workbook.Bytes, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The upload answered {(int)response.StatusCode}");
        return await response.ReadDocumentAsync();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync("/Updates/Upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "workbook", fileName },
        };
        return await client.PostAsync("/Updates/Upload?handler=Preview", content);
    }

    /// <summary>Confirms a preview: submits its Apply form.</summary>
    public static Task<HttpResponseMessage> ApplyAsync(HttpClient client, IHtmlDocument preview) =>
        client.SubmitFormAsync(preview, "/Updates/Upload?handler=Apply", new Dictionary<string, string>(), "form[action*='handler=Apply']");
}
