using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace JiuTracker.Tests.FollowUp;

/// <summary>What the follow-up tests do over HTTP as a coordinator, and read from the e-mails that arrive.</summary>
public static partial class RoundClient
{
    /// <summary>Opens a round from the Open form with the reports it ticks by default (or <paramref name="reportIds"/>); returns its id.</summary>
    public static async Task<int> OpenRoundAsync(this HttpClient coordinator, string name, DateOnly due, string message = "", IReadOnlyList<int>? reportIds = null)
    {
        var form = await coordinator.GetDocumentAsync("/Rounds/Open");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var ticked = reportIds?.Select(id => id.ToString(CultureInfo.InvariantCulture))
            ?? form.QuerySelectorAll<IHtmlInputElement>("input[name=ReportIds]").Where(i => i.IsChecked).Select(i => i.Value);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("Name", name),
            new("DueDate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Message", message),
        };
        fields.AddRange(ticked.Select(id => new KeyValuePair<string, string>("ReportIds", id)));
        var response = await coordinator.PostAsync("/Rounds/Open", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Opening the round answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(RoundId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The messages received whose subject names the round, by recipient address.</summary>
    public static ILookup<string, MimeMessage> AboutRound(this IEnumerable<MimeMessage> messages, string round) =>
        messages.Where(m => m.Subject!.Contains($"\"{round}\"", StringComparison.Ordinal))
            .ToLookup(m => m.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase);

    /// <summary>The absolute address after "Start from your reports:" in a request or reminder.</summary>
    public static Uri StartLink(this MimeMessage message) => new(StartFrom().Match(message.TextBody!).Groups[1].Value);

    /// <summary>Records a comment on each recommendation of the report that the round asked about, through the domain, at <paramref name="at"/>.</summary>
    public static async Task CommentOnEveryAskedRecommendationAsync(this JiuTrackerFactory app, int roundId, string symbol, string by, DateTimeOffset at)
    {
        await using var db = app.CreateDbContext();
        var reportId = await db.Reports.Where(r => r.Symbol == symbol).Select(r => r.Id).SingleAsync();
        var asked = await db.RoundRecommendations.Where(r => r.RoundId == roundId && r.ReportId == reportId && r.Asked).Select(r => r.RecommendationId).ToListAsync();
        foreach (var recommendation in await db.Recommendations.Where(r => asked.Contains(r.Id)).ToListAsync())
        {
            recommendation.AddComment("Still in progress; the plan goes to the Council.", new ChangeStamp(by, at));
        }

        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"/Rounds/Progress/(\d+)")]
    private static partial Regex RoundId();

    [GeneratedRegex(@"Start from your reports: (\S+)")]
    private static partial Regex StartFrom();
}
