using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Reliability;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Security;

/// <summary>
/// A page's {id} comes from its address only: an id field in the form or the query string cannot turn a post to
/// /Recommendations/Edit/6 (checked for 6) into a change of recommendation 1.
/// </summary>
public class RouteIdBindingTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData("form")]
    [InlineData("query")]
    public async Task EditRecommendation_WithAnotherIdInTheRequest_ChangesTheOneInTheAddress(string where)
    {
        var (target, other) = await TwoRecommendationsOfTheSameVersionAsync();
        var comment = $"Route only, id in the {where}.";
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var url = $"/Recommendations/Edit/{target}";
        var fields = AppPage.FieldsOf((await client.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("main form")!);
        fields["Input.NewComment"] = comment;
        if (where == "form")
        {
            fields["id"] = $"{other}";
        }

        var response = await client.PostAsync(where == "query" ? $"{url}?id={other}" : url, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Comments.CountAsync(c => c.RecommendationId == other && c.Text == comment)));
        Assert.Equal(1, await app.QueryAsync(db => db.Comments.CountAsync(c => c.RecommendationId == target && c.Text == comment)));
    }

    [Fact]
    public async Task EditRecommendation_AsFocalPoint_WithTheIdOfAnotherReportsRecommendationInTheForm_ChangesOnlyTheirOwn()
    {
        var own = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        var foreign = await app.RecommendationIdAsync(SeedReports.Landlocked, 1);
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var comments = await app.QueryAsync(db => db.Comments.CountAsync(c => c.RecommendationId == foreign));

        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{own}",
            new Dictionary<string, string> { ["id"] = $"{foreign}", ["Input.NewComment"] = "Not for the other report." });

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(comments, await app.QueryAsync(db => db.Comments.CountAsync(c => c.RecommendationId == foreign)));
    }

    [Fact]
    public async Task EditReport_WithAnotherReportsIdInTheForm_RevisesTheOneInTheAddress()
    {
        var target = await app.ReportIdAsync(SeedReports.Environment);
        var other = await app.ReportIdAsync(SeedReports.Landlocked);
        var otherTitle = await app.QueryAsync(db => db.Reports.Where(r => r.Id == other).Select(r => r.Title).SingleAsync());
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await client.SubmitFormAsync($"/Admin/Reports/Edit/{target}", new Dictionary<string, string>
        {
            ["id"] = other.ToString(CultureInfo.InvariantCulture), ["Input.Title"] = "Revised through its own address",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(otherTitle, await app.QueryAsync(db => db.Reports.Where(r => r.Id == other).Select(r => r.Title).SingleAsync()));
        Assert.Equal("Revised through its own address", await app.QueryAsync(db => db.Reports.Where(r => r.Id == target).Select(r => r.Title).SingleAsync()));
    }

    /// <summary>Two recommendations of the sample report that a form of either would fit (same version, so no conflict shows).</summary>
    private async Task<(int Target, int Other)> TwoRecommendationsOfTheSameVersionAsync()
    {
        var all = await app.QueryAsync(db => db.Recommendations
            .Where(r => r.WithdrawnAt == null)
            .OrderBy(r => r.Number)
            .Select(r => new { r.Id, r.Version })
            .ToListAsync());
        var pair = all.GroupBy(r => r.Version).First(g => g.Count() >= 2).Select(r => r.Id).Take(2).ToList();
        return (pair[1], pair[0]);
    }
}
