using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using JiuTracker.Reliability;
using JiuTracker.Web.Demo;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>Forms submitted the way a browser does: every field the page rendered, the antiforgery token included.</summary>
public static class HttpClientExtensions
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Loads <paramref name="url"/>, fills its form (the first, or the one matching the selector) and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, IReadOnlyDictionary<string, string> values, string formSelector = "main form")
    {
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(page, url, values, formSelector);
    }

    public static Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, IHtmlDocument page, string url, IReadOnlyDictionary<string, string> values, string formSelector = "main form")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"{url} has no form matching '{formSelector}'.");
        var fields = AppPage.FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token a page of the app hands this client (its cookie is kept by the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"{url} has no antiforgery token.");
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password = DemoData.Password)
    {
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, "#password-sign-in");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)response.StatusCode}");
    }
}
