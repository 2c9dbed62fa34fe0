using System.Globalization;
using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;

namespace JiuTracker.Tests.Security;

/// <summary>Each refused page says what it is and who may use it, not one sentence about editing for every page.</summary>
public class ForbiddenPageTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData(DemoAccounts.Auditor, "/Admin", "Administration, where reports, recommendations, focal points and accounts are registered, is for administrators.")]
    [InlineData(DemoAccounts.Management, "/Audit", "The audit log of administrative changes is for administrators and auditors.")]
    [InlineData(DemoAccounts.Auditor, "/Rounds/Open", "by coordinators and administrators.")]
    [InlineData(DemoAccounts.Management, "/Updates/Upload", "with an update workbook, is for focal points and administrators.")]
    [InlineData(DemoAccounts.CosmasZavazava, "/Recommendations/Edit/{recommendation}", "Recording a recommendation's statuses and comments is for the focal points of its report and administrators.")]
    [InlineData(DemoAccounts.CosmasZavazava, "/Reports/Update/{report}", "Updating all recommendations of a report at once is for the focal points of that report and administrators.")]
    public async Task ARefusedPage_SaysWhatItIsAndWhoMayUseIt(string email, string url, string expected)
    {
        var client = await app.SignedInClientAsync(email);
        var report = await app.ReportIdAsync(SeedReports.Cybersecurity);
        var recommendation = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);

        var response = await client.GetAsync(url
            .Replace("{report}", report.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{recommendation}", recommendation.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var main = (await response.ReadDocumentAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains(expected, main, StringComparison.Ordinal);
        if (!url.StartsWith("/Recommendations/", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("statuses and comments", main, StringComparison.Ordinal);
        }
    }
}
