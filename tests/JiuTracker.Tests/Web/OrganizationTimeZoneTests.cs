using System.Net;
using AngleSharp.Dom;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

/// <summary>
/// Moments recorded once in winter and once in summer, as the history page and the audit log show them: in the
/// organization's zone with the offset of each moment (daylight saving), and the zone named.
/// </summary>
public sealed class OrganizationTimeZoneTests(ZurichClockedJiuTrackerFactory app) : IClassFixture<ZurichClockedJiuTrackerFactory>
{
    [Fact]
    public async Task HistoryAndAuditLog_ShowEachMomentInZurichTime_WinterAndSummer()
    {
        var (winter, summer) = MomentsAfter(app.Clock.GetUtcNow());
        var id = await app.QueryAsync(db => db.Recommendations.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        await RevisedAtAsync(app, id, winter, "Revised in winter.");
        await RevisedAtAsync(app, id, summer, "Revised in summer.");

        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var history = await admin.GetDocumentAsync($"/Recommendations/History/{id}");
        var audit = await admin.GetDocumentAsync("/Audit");

        foreach (var page in new[] { history, audit })
        {
            Assert.Contains("Times are Central European Time (Europe/Zurich).", page.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("When (Europe/Zurich)", page.QuerySelector("thead th")!.TextContent);
            // 10:00 UTC is 11:00 in Zurich in January (UTC+01:00) and 12:00 in July (UTC+02:00).
            Assert.Equal($"{winter.Year}-01-15 11:00:00 UTC+01:00", TimeOf(page, winter).TextContent);
            Assert.Equal($"{summer.Year}-07-15 12:00:00 UTC+02:00", TimeOf(page, summer).TextContent);
            Assert.Equal("Central European Summer Time", TimeOf(page, summer).GetAttribute("title"));
        }
    }

    /// <summary>Two moments at 10:00 UTC after <paramref name="now"/>: 15 January, then 15 July of the same year.</summary>
    internal static (DateTimeOffset Winter, DateTimeOffset Summer) MomentsAfter(DateTimeOffset now) =>
        (new(now.Year + 1, 1, 15, 10, 0, 0, TimeSpan.Zero), new(now.Year + 1, 7, 15, 10, 0, 0, TimeSpan.Zero));

    /// <summary>An administrator revises the recommendation's text with the app's clock at <paramref name="at"/>: one history and one audit entry.</summary>
    internal static async Task RevisedAtAsync(ClockedJiuTrackerFactory app, int id, DateTimeOffset at, string text)
    {
        app.Clock.SetUtcNow(at);
        // Signed in after the clock moved: a session from months before has ended by the app's clock.
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var response = await admin.SubmitFormAsync(
            $"/Admin/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.Text"] = text }, "#revise");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.QueryAsync(db => db.History.AnyAsync(h => h.RecommendationId == id && h.Field == HistoryField.Text && h.ChangedAt == at)));
    }

    /// <summary>The <c>time</c> element whose machine-readable moment is <paramref name="at"/>, in ISO 8601 UTC.</summary>
    internal static IElement TimeOf(IDocument page, DateTimeOffset at) =>
        page.QuerySelector($"tbody time[datetime='{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}']")
        ?? throw new Xunit.Sdk.XunitException($"No time {at:O} on {page.Url}.");
}

/// <summary>Without the setting the zone is UTC, and pages say "UTC" as they did before it existed.</summary>
public sealed class DefaultTimeZoneTests(ClockedJiuTrackerFactory app) : IClassFixture<ClockedJiuTrackerFactory>
{
    [Fact]
    public async Task HistoryAndAuditLog_WithoutTheSetting_ShowUtc()
    {
        var (winter, summer) = OrganizationTimeZoneTests.MomentsAfter(app.Clock.GetUtcNow());
        var id = await app.QueryAsync(db => db.Recommendations.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        await OrganizationTimeZoneTests.RevisedAtAsync(app, id, winter, "Revised in winter.");
        await OrganizationTimeZoneTests.RevisedAtAsync(app, id, summer, "Revised in summer.");

        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        foreach (var page in new[] { await admin.GetDocumentAsync($"/Recommendations/History/{id}"), await admin.GetDocumentAsync("/Audit") })
        {
            Assert.Contains("Times are UTC.", page.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("When (UTC)", page.QuerySelector("thead th")!.TextContent);
            Assert.Equal($"{winter.Year}-01-15 10:00:00 UTC", OrganizationTimeZoneTests.TimeOf(page, winter).TextContent);
            Assert.Equal($"{summer.Year}-07-15 10:00:00 UTC", OrganizationTimeZoneTests.TimeOf(page, summer).TextContent);
            Assert.False(OrganizationTimeZoneTests.TimeOf(page, summer).HasAttribute("title"));
        }
    }
}
