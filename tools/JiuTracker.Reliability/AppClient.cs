using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace JiuTracker.Reliability;

/// <summary>One person's browser: its own cookies, redirects seen as they are, forms posted with their antiforgery token.</summary>
public sealed class AppClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();
    private readonly Uri _baseAddress;

    public AppClient(Uri baseAddress)
    {
        _baseAddress = baseAddress;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = _cookies })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The cookies this browser sends now, as a <c>Cookie</c> header: to replay a session after it has ended.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_baseAddress);

    /// <summary>The status of a GET sent with <paramref name="cookieHeader"/> instead of this browser's own cookies.</summary>
    public async Task<HttpStatusCode> StatusWithCookiesAsync(string path, string cookieHeader, CancellationToken ct)
    {
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await replay.SendAsync(request, ct);
        return response.StatusCode;
    }

    public HttpClient Http => _http;

    public async Task SignInAsync(string email, string password, CancellationToken ct)
    {
        var page = await GetPageAsync("/Account/Login", ct);
        using var response = await PostFormAsync("/Account/Login", page.Form, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>GETs a page that must answer 200, and parses it.</summary>
    public async Task<AppPage> GetPageAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new UnexpectedAnswerException($"GET {path} answered {(int)response.StatusCode}.", (int)response.StatusCode);
        }

        return new AppPage(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct)));
    }

    /// <summary>Posts the form's own fields (its antiforgery token included), with <paramref name="values"/> set over them.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IHtmlFormElement form, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var fields = AppPage.FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields), ct);
    }

    /// <summary>Posts fields as given, a name repeated as often as it comes (checkboxes of one name, as a browser sends them).</summary>
    public Task<HttpResponseMessage> PostFieldsAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct) =>
        _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields), ct);

    /// <summary>
    /// Posts the form as <c>multipart/form-data</c>, as a browser does a form with a file: the form's own fields (its
    /// antiforgery token included, its file inputs left out), <paramref name="values"/> set over them, and one file.
    /// </summary>
    public Task<HttpResponseMessage> PostMultipartAsync(
        string path, IHtmlFormElement form, IReadOnlyDictionary<string, string> values, string fileField, string fileName, byte[] bytes, string contentType, CancellationToken ct)
    {
        var fields = AppPage.FieldsOf(form);
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type='file'][name]"))
        {
            fields.Remove(input.Name!);
        }

        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        return SendAndDisposeAsync(path, content, ct);
    }

    private async Task<HttpResponseMessage> SendAndDisposeAsync(string path, HttpContent content, CancellationToken ct)
    {
        using (content)
        {
            return await _http.PostAsync(new Uri(path, UriKind.Relative), content, ct);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A page the app answered with.</summary>
public sealed record AppPage(IHtmlDocument Document)
{
    /// <summary>The page's main form (the first one inside &lt;main&gt;).</summary>
    public IHtmlFormElement Form => Document.QuerySelector<IHtmlFormElement>("main form")
        ?? throw new InvalidOperationException($"The page \"{Document.Title}\" has no form.");

    /// <summary>The fields a browser would send: inputs (checked radios and checkboxes only), text areas, selects.</summary>
    public static Dictionary<string, string> FieldsOf(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "radio" or "checkbox" && !input.IsChecked)
            {
                continue;
            }

            fields[input.Name!] = input.Value;
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            fields[select.Name!] = select.Value ?? "";
        }

        return fields;
    }
}

public sealed class UnexpectedAnswerException(string message, int statusCode) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
