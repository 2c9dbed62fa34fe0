using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.FollowUp;

/// <summary>
/// The form that opens a round posts one value per report ticked; a register of a few thousand reports is past the form
/// reader's default of 1,024 values, which refused it with a 400.
/// </summary>
public class RoundOpeningFormSizeTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task Post_WithMoreReportValuesThanTheFormReadersDefault_OpensTheRound()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var page = await client.GetDocumentAsync("/Rounds/Open");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var ticked = page.QuerySelectorAll<IHtmlInputElement>("input[name=ReportIds]").Where(box => box.IsChecked).Select(box => box.Value).ToList();
        Assert.NotEmpty(ticked);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("Name", "Form size"),
            new("DueDate", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Message", ""),
        };
        // The seed's few reports, each sent many times over, as a large register's would be once each.
        fields.AddRange(Enumerable.Range(0, 3000).Select(i => new KeyValuePair<string, string>("ReportIds", ticked[i % ticked.Count])));

        var response = await client.PostAsync("/Rounds/Open", new FormUrlEncodedContent(fields));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {(await response.ReadDocumentAsync()).QuerySelector(".alert")?.TextContent}");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiuTracker.Web.Data.JiuDbContext>();
        var round = await db.FollowUpRounds.Include(r => r.Reports).SingleAsync(r => r.Name == "Form size");
        Assert.Equal(ticked.Count, round.Reports.Count);
    }
}
