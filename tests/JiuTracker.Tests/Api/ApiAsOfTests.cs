using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Api;

namespace JiuTracker.Tests.Api;

/// <summary>
/// <c>asOf</c> on the API's reads: the statuses at the end of that day as the exports rebuild them, and the exports'
/// words for a day that cannot be used.
/// </summary>
public class ApiAsOfTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private static readonly string Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AStatusChangedToday_IsNotSeenAsOfYesterday_InTheList_TheRecommendation_TheFigures_OrTheExport()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.AndersNorsker, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        var before = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations/{id}")).GetProperty("recommendation").GetProperty("acceptance").GetString();
        var newAcceptance = before == "not-relevant" ? "not-accepted" : "not-relevant";
        var figuresBefore = await CountAsync(api, "/api/v1/figures", "NotRelevant");
        Assert.Equal(HttpStatusCode.OK, (await api.PatchRecommendationAsync(id, $$"""{"acceptance": "{{newAcceptance}}", "implementation": null}""", await api.ETagAsync(id))).StatusCode);

        var today = await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations/{id}");
        var yesterday = await api.GetAsync($"/api/v1/recommendations/{id}?asOf={Yesterday}");
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations?report={SeedReports.Cybersecurity}&asOf={Yesterday}");
        var csv = await (await app.SignedInClientAsync(DemoAccounts.Auditor)).GetStringAsync($"/export/recommendations.csv?report={SeedReports.Cybersecurity}&asOf={Yesterday}");

        Assert.Equal(newAcceptance, today.GetProperty("recommendation").GetProperty("acceptance").GetString());
        Assert.Equal(HttpStatusCode.OK, yesterday.StatusCode);
        Assert.Null(yesterday.Headers.ETag);
        Assert.Equal(before, (await yesterday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recommendation").GetProperty("acceptance").GetString());
        var listed = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(before, listed.GetProperty("acceptance").GetString());
        // The CSV as of the same day: symbol, title, year, number 1, addressee, then the acceptance.
        var row = System.Text.RegularExpressions.Regex.Match(csv, $"^{SeedReports.Cybersecurity},(\"[^\"]*\"|[^,]*),2021,1,[^,]*,(?<acceptance>[^,]*),", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(row.Success, csv);
        Assert.Equal(before ?? "", row.Groups["acceptance"].Value);
        Assert.Equal(figuresBefore, await CountAsync(api, $"/api/v1/figures?asOf={Yesterday}", "NotRelevant"));
        Assert.NotEqual(figuresBefore, await CountAsync(api, "/api/v1/figures", "NotRelevant"));
    }

    [Theory]
    [InlineData("/api/v1/recommendations?asOf=garbage")]
    [InlineData("/api/v1/recommendations/{id}?asOf=garbage")]
    [InlineData("/api/v1/recommendations/{id}/history?asOf=garbage")]
    [InlineData("/api/v1/figures?asOf=garbage")]
    public async Task ADayThatIsNotADate_IsAProblemInTheExportsWords(string url)
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);

        var response = await api.GetAsync(await UrlAsync(url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("asOf: \"garbage\" is not a date; write it as YYYY-MM-DD.", await AsOfErrorAsync(response));
    }

    [Theory]
    [InlineData("/api/v1/recommendations?asOf=1989-12-31", "Status as of the end of: the day must be between 1990-01-01 and")]
    [InlineData("/api/v1/recommendations/{id}?asOf=9999-12-31", "Status as of the end of: the day must be between 1990-01-01 and")]
    [InlineData("/api/v1/figures?asOf=0001-01-01", "Status as of the end of: the day must be between 1990-01-01 and")]
    [InlineData("/api/v1/figures?asOf=1995-01-01", "No status recorded before 1995-01-02 for these reports")]
    [InlineData("/api/v1/figures?mine=true&asOf=2022-01-01", "cannot be combined with focalPoint or mine")]
    [InlineData("/api/v1/recommendations?figure=NoRecentUpdate&asOf=2022-01-01", "is about today and cannot be taken as of a day")]
    [InlineData("/api/v1/reports?asOf=2022-01-01", "the reports cannot be read as of a day")]
    public async Task ADayOrFilterTheReadCannotBeTakenAt_IsAProblemSayingWhy(string url, string expected)
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);

        var response = await api.GetAsync(await UrlAsync(url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await AsOfErrorAsync(response), StringComparison.Ordinal);
    }

    private async Task<string> UrlAsync(string url) =>
        url.Replace("{id}", (await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static async Task<string?> AsOfErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("asOf")[0].GetString();

    private static async Task<int> CountAsync(HttpClient api, string url, string figure) =>
        (await api.GetFromJsonAsync<JsonElement>(url)).GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == figure).GetProperty("count").GetInt32();
}
