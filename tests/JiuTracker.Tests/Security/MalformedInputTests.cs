using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Security;

/// <summary>
/// Every form of the app, found from its handlers, posted with malformed values one field at a time: NUL and other
/// control characters, oversize values, values of the wrong type. Each answer is a 400 (413 for a body over the page's
/// limit) or the form back with a
/// message, never a server error, and nothing is stored. Every query parameter likewise.
/// </summary>
public class MalformedInputTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private const string NotAllowed = "not allowed";
    private static readonly string[] SkippedHandlers = ["POST /Account/Logout", "POST /StatusCode"];

    public static TheoryData<string, string> Variants => new()
    {
        { "NUL character", "before\0after" },
        { "control character", "before\u0007after" },
        { "oversize value", new string('x', 1_000_000) },
        { "value of the wrong type", "¿wrong-type?" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task EveryForm_WithAMalformedField_AnswersBadRequestOrTheFormWithAMessage_AndStoresNothing(string variant, string value)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var valueOf = await app.SampleRouteValuesAsync();
        var failures = new List<string>();
        var posts = (await AppEndpoints.AllAsync(app.Services)).Where(e => e.IsPost && !SkippedHandlers.Contains(e.Name)).ToList();

        foreach (var endpoint in posts)
        {
            var url = endpoint.Url(name => valueOf(endpoint, name));
            var page = await client.GetDocumentAsync(PageUrl(url));
            var form = FormFor(page, url);
            foreach (var field in MalformableFields(form, variant).Select(f => f.GetAttribute("name")!))
            {
                var before = await app.RowCountsAsync();
                var response = await PostAsync(client, form, url, field, value);
                var outcome = await DescribeFailureAsync(response);
                if (outcome is not null)
                {
                    failures.Add($"{endpoint.Name} with a {variant} in {field}: {outcome}");
                }
                else if (await app.RowCountsAsync() is var after && after != before)
                {
                    failures.Add($"{endpoint.Name} with a {variant} in {field}: stored something ({before} → {after})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The import form is shown only on a preview, so the form search above posts the upload form to it: its
    /// "Statuses as of" day is posted malformed from a preview here (the text and name it carries are the preview's own).
    /// </summary>
    [Theory]
    [MemberData(nameof(Variants))]
    public async Task TheImportForm_WithAMalformedStatusesAsOf_AnswersBadRequestOrTheFormWithAMessage_AndStoresNothing(string variant, string value)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        const string url = "/Admin/Import?handler=Import";
        // A report new to the app, so that the preview offers the import form.
        var preview = await PreviewAsync(client, JiuTracker.Tests.Import.TestDocuments.SeedText().Replace("JIU/REP/2021/3", "JIU/REP/2019/93", StringComparison.Ordinal));
        var form = preview.QuerySelector<IHtmlFormElement>("#import") ?? throw new InvalidOperationException("The preview offers no import form.");
        Assert.Contains("AsOf", MalformableFields(form, variant).Select(f => f.GetAttribute("name")));
        var before = await app.RowCountsAsync();

        var outcome = await DescribeFailureAsync(await PostAsync(client, form, url, "AsOf", value));

        Assert.True(outcome is null, $"POST {url} with a {variant} in AsOf: {outcome}");
        Assert.Equal(before, await app.RowCountsAsync());
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string text)
    {
        var page = await client.GetDocumentAsync("/Admin/Import");
        var token = page.QuerySelector("#upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "document", "action-required.txt" },
        };
        return await (await client.PostAsync("/Admin/Import?handler=Preview", content)).ReadDocumentAsync();
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task EveryPage_WithAMalformedQueryValue_AnswersWithoutAServerError(string variant, string value)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        using var api = await app.ApiClientAsync(DemoAccounts.Admin);
        var valueOf = await app.SampleRouteValuesAsync();
        var failures = new List<string>();
        var gets = (await AppEndpoints.AllAsync(app.Services)).Where(e => e.Method == "GET" && e.Handler is null).ToList();
        var query = string.Join("&", QueryParameters.Select(p => $"{p}={Uri.EscapeDataString(value[..Math.Min(value.Length, 2_000)])}"));

        foreach (var endpoint in gets)
        {
            var response = await (endpoint.Page.StartsWith("/api/", StringComparison.Ordinal) ? api : client)
                .GetAsync($"{endpoint.Url(name => valueOf(endpoint, name))}?{query}");
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{endpoint.Name} with a {variant} in its query answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Bodies an API write cannot use, and the property (or <c>body</c>) its problem names.</summary>
    private static readonly Dictionary<string, (string Body, string Property)> ApiBodies = new()
    {
        ["not JSON"] = ("acceptance=accepted", "body"),
        ["truncated JSON"] = ("""{"acceptance": "accepted" """, "body"),
        ["an array"] = ("""["accepted"]""", "body"),
        ["a NUL character"] = ("""{"comment": "before\u0000after"}""", "comment"),
        ["a control character"] = ("""{"comment": "before\u0007after"}""", "comment"),
        ["a raw control character"] = ("{\"comment\": \"before\u001bafter\"}", "body"),
        ["an oversize comment"] = ($"{{\"comment\": \"{new string('x', 10_001)}\"}}", "comment"),
        ["a number for a status"] = ("""{"acceptance": 1}""", "acceptance"),
        ["an object for a status"] = ("""{"implementation": {}}""", "implementation"),
        ["a label for a code"] = ("""{"acceptance": "Accepted"}""", "acceptance"),
        ["true for a comment"] = ("""{"comment": true}""", "comment"),
        ["an unknown property"] = ("""{"acceptence": "accepted"}""", "acceptence"),
        ["a property twice"] = ("""{"comment": "one", "comment": "two"}""", "comment"),
    };

    /// <summary>The names of <see cref="ApiBodies"/> (the bodies themselves would make unreadable test names).</summary>
    public static TheoryData<string> MalformedApiBodies => [.. ApiBodies.Keys];

    [Theory]
    [MemberData(nameof(MalformedApiBodies))]
    public async Task EveryApiWrite_WithAMalformedBody_IsABadRequestProblemNamingWhere_AndStoresNothing(string variant)
    {
        var (body, property) = ApiBodies[variant];
        using var api = await app.ApiClientAsync(DemoAccounts.Admin, JiuTracker.Web.Api.ApiTokenScope.ReadWrite);
        var writes = (await AppEndpoints.AllAsync(app.Services)).Where(e => e.Page.StartsWith("/api/", StringComparison.Ordinal) && e.Method is not "GET").ToList();
        Assert.NotEmpty(writes);
        foreach (var write in writes)
        {
            var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
            var etag = await api.ETagAsync(id);
            var before = await app.RowCountsAsync();

            var response = await api.PatchRecommendationAsync(id, body, etag);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{write.Name} with {variant}: answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(property, out var messages), $"{write.Name} with {variant}: no error for {property} in {errors}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
            Assert.Equal(before, await app.RowCountsAsync());
        }
    }

    [Fact]
    public async Task AnApiWrite_WithABodyOverItsLimit_OrNotJson_IsRefusedWithAProblem_AndStoresNothing()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Admin, JiuTracker.Web.Api.ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        var etag = await api.ETagAsync(id);
        var before = await app.RowCountsAsync();

        var oversize = await api.PatchRecommendationAsync(id, $"{{\"comment\": \"{new string('x', 1_000_000)}\"}}", etag);
        var asForm = await api.PatchRecommendationAsync(id, "comment=x", etag, "application/x-www-form-urlencoded");
        using var invalidUtf8 = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/recommendations/{id}") { Content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']) };
        invalidUtf8.Content.Headers.ContentType = new("application/json");
        invalidUtf8.Headers.TryAddWithoutValidation("If-Match", etag);
        var notUtf8 = await api.SendAsync(invalidUtf8);
        var badTag = await api.PatchRecommendationAsync(id, "{}", "no quotes");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        Assert.All(new[] { oversize, asForm, notUtf8, badTag }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType));
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Theory]
    [InlineData("Done\0", "The form could not be read")]
    [InlineData("Done\u001b[31m", "The field “NewComment” contains a control character")]
    [InlineData(null, "The form could not be read")]
    public async Task AMalformedComment_IsRefusedSayingWhatIsWrong_AndNothingIsSaved(string? comment, string expected)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var before = await app.RowCountsAsync();

        // null stands for a comment beyond the form reader's limit of 4 MB per value.
        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}",
            new Dictionary<string, string> { ["Input.NewComment"] = comment ?? new string('x', 5_000_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent;
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", message, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Theory]
    [InlineData("/export/jiu-status.xlsx?asOf=garbage", "asOf: \"garbage\" is not a date; write it as YYYY-MM-DD.")]
    [InlineData("/export/action-required.docx?asOf=garbage", "asOf: \"garbage\" is not a date; write it as YYYY-MM-DD.")]
    [InlineData("/export/history.csv?from=abc", "from: \"abc\" is not a whole number.")]
    [InlineData("/export/recommendations.csv?focalPoint=someone", "focalPoint: \"someone\" is not a whole number.")]
    [InlineData("/Reports/Details/{report}?asOf=garbage", "Status as of the end of: \"garbage\" is not a date; write it as YYYY-MM-DD.")]
    [InlineData("/Exports?format=docx&asOf=garbage", "Status as of the end of: \"garbage\" is not a date; write it as YYYY-MM-DD.")]
    [InlineData("/Exports?format=docx&from=abc", "From year: \"abc\" is not a whole number.")]
    public async Task AValueOfTheWrongType_IsRefusedInWordsNamingTheFieldAndTheValue_WithoutTheProgramsTypeNames(string url, string expected)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var reportId = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == SeedReports.Cybersecurity).Select(r => r.Id).SingleAsync());

        var response = await client.GetAsync(url.Replace("{report}", reportId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent.Trim();
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("DateOnly", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to bind", message, StringComparison.Ordinal);
    }

    /// <summary>Every export and page that takes an "as of" day.</summary>
    public static TheoryData<string, string> AsOfTakers => new()
    {
        { "/export/recommendations.csv?report=JIU/REP/2020/7", "0001-01-01" },
        { "/export/recommendations.csv?report=JIU/REP/2020/7", "9999-12-31" },
        { "/export/history.csv", "0001-01-01" },
        { "/export/history.csv", "9999-12-31" },
        { "/export/action-required.docx", "0001-01-01" },
        { "/export/action-required.docx", "9999-12-31" },
        { "/export/jiu-status.xlsx", "0001-01-01" },
        { "/export/jiu-status.xlsx", "9999-12-31" },
        { "/export/jiu-status.xlsx", "1989-12-31" },
        { "/Exports?format=xlsx", "0001-01-01" },
        { "/Exports?format=xlsx", "9999-12-31" },
        { "/Reports/Details/{report}", "0001-01-01" },
        { "/Reports/Details/{report}", "9999-12-31" },
        { "/Reports/Details/{report}", "tomorrow" },
    };

    [Theory]
    [MemberData(nameof(AsOfTakers))]
    public async Task AnAsOfDayTheFiguresCannotBeTakenAt_IsRefusedNamingTheParameter(string url, string day)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var reportId = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == SeedReports.Cybersecurity).Select(r => r.Id).SingleAsync());
        var asOf = day == "tomorrow" ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;
        var address = url.Replace("{report}", reportId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        address += (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"asOf={asOf}";

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Status as of the end of: the day must be between 1990-01-01 and", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every query parameter a page or export of the app reads.</summary>
    private static readonly string[] QueryParameters =
        ["from", "to", "report", "addressee", "unit", "focalPoint", "mine", "figure", "asOf", "p", "code", "returnUrl", "q", "months", "trendFrom", "trendTo", "interval", "compareFrom", "compareTo", "by", "page", "culture", "failure", "breakGlass"];

    private static string PageUrl(string url) => url.Split('?')[0];

    /// <summary>The form that posts to this handler; when the page shows it only in another state, the page's main form.</summary>
    private static IHtmlFormElement FormFor(IHtmlDocument page, string url)
    {
        var forms = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").ToList();
        return forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "") is var action
                && (action == url || (action.Length == 0 && !url.Contains('?', StringComparison.Ordinal))))
            ?? forms.FirstOrDefault()
            ?? throw new InvalidOperationException($"{url}: its page has no form.");
    }

    /// <summary>The fields a user fills; for wrong types, only those that are not free text.</summary>
    private static IEnumerable<IElement> MalformableFields(IHtmlFormElement form, string variant) =>
        form.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Where(f => f.GetAttribute("name") != "__RequestVerificationToken" && f.GetAttribute("type") != "file")
            .Where(f => variant != "value of the wrong type" || !IsFreeText(f))
            .DistinctBy(f => f.GetAttribute("name"));

    private static bool IsFreeText(IElement field) =>
        field is IHtmlTextAreaElement
        || (field is IHtmlInputElement input && input.Type is "text" or "email" or "password" or "search"
            && !int.TryParse(input.Value, out _));

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlFormElement form, string url, string name, string value)
    {
        var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Where(f => f.GetAttribute("type") is not ("checkbox" or "radio" or "file") || f.HasAttribute("checked"))
            .Select(f => (Name: f.GetAttribute("name")!, Value: FieldValue(f)))
            .Where(f => f.Name != name)
            .Append((Name: name, Value: value))
            .ToList();
        HttpContent content = form.Enctype == "multipart/form-data"
            ? Multipart(fields)
            : new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return client.PostAsync(url, content);
    }

    private static MultipartFormDataContent Multipart(IEnumerable<(string Name, string Value)> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static string FieldValue(IElement field) => field switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value ?? "",
        _ => field.GetAttribute("value") ?? "",
    };

    /// <returns>null when the answer is a 400 or the form back with a message; otherwise what is wrong with it.</returns>
    private static async Task<string?> DescribeFailureAsync(HttpResponseMessage response)
    {
        // A body too large for the page (the sign-in page's is small) is refused unread: a refusal too.
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"answered {(int)response.StatusCode}{(response.Headers.Location is { } to ? $" to {to}" : "")}";
        }

        var page = await response.ReadDocumentAsync();
        var messages = page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error")
            .Select(m => m.TextContent.Trim())
            .Where(m => m.Length > 0)
            .ToList();
        return messages.Count > 0 ? null : "the form came back without a message";
    }
}
