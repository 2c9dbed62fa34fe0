using System.Net;
using JiuTracker.Tests.FollowUp;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Demo;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.ScaleOut;

/// <summary>
/// Two instances behind nginx on one PostgreSQL database, used like a browser uses them: whichever instance answers,
/// the sign-in, the forms and the data are the same, and nothing one person saves is lost to another.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class TwoInstancesBehindNginxTests(TwoInstancesBehindNginx cluster) : IClassFixture<TwoInstancesBehindNginx>
{
    private static string ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues(NginxProxy.UpstreamHeader, out var values) ? values.Single() : throw new InvalidOperationException("The proxy did not say which instance answered.");

    private async Task<int> RecommendationIdAsync(int number)
    {
        await using var db = cluster.Database.CreateContext();
        return await db.Recommendations.Where(r => r.Report.Symbol == SeedReports.Cybersecurity && r.Number == number).Select(r => r.Id).SingleAsync();
    }

    private async Task<List<HistoryEntry>> HistoryAsync(int id)
    {
        await using var db = cluster.Database.CreateContext();
        return await db.History.Where(h => h.RecommendationId == id).OrderBy(h => h.Id).ToListAsync();
    }

    /// <summary>Signs in through the proxy: the login form comes from one instance and is posted to the other.</summary>
    private async Task<(HttpClient Client, CookieContainer Cookies)> SignInThroughProxyAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = cluster.ProxyClient(cookies);
        var form = await client.GetAsync("/Account/Login");
        var signIn = await client.SubmitFormAsync(await form.ReadDocumentAsync(), "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoData.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotEqual(ServedBy(form), ServedBy(signIn));
        return (client, cookies);
    }

    private static Dictionary<string, string> Form(string acceptance, string implementation, string comment) => new()
    {
        ["Input.Acceptance"] = acceptance,
        ["Input.Implementation"] = implementation,
        ["Input.NewComment"] = comment,
    };

    [Fact]
    public async Task AChangeSavedThroughTheProxy_IsReadBackFromTheOtherInstance_WithTheSameSignIn()
    {
        var id = await RecommendationIdAsync(1);
        var (client, cookies) = await SignInThroughProxyAsync(DemoAccounts.AndersNorsker);
        var url = $"/Recommendations/Edit/{id}";
        var comment = $"Saved through the proxy ({Guid.NewGuid():N}).";

        var editForm = await client.GetAsync(url);
        var saved = await client.SubmitFormAsync(await editForm.ReadDocumentAsync(), url, Form("Accepted", "InProgress", comment));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotEqual(ServedBy(editForm), ServedBy(saved));
        using var other = TwoInstancesBehindNginx.InstanceClient(cluster.OtherThan(ServedBy(saved)), cookies);
        var history = await other.GetDocumentAsync($"/Recommendations/History/{id}");
        Assert.Contains(comment, history.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var stored = await HistoryAsync(id);
        Assert.Contains(stored, h => h is { Field: HistoryField.Comment } && h.NewValue == comment && h.ChangedBy == DemoAccounts.AndersNorsker);
    }

    [Fact]
    public async Task TwoPeopleSavingOneRecommendationThroughDifferentInstances_TheLaterIsShownTheConflict_AndNothingIsLost()
    {
        var id = await RecommendationIdAsync(2);
        var before = await HistoryAsync(id);
        Recommendation stored;
        await using (var db = cluster.Database.CreateContext())
        {
            stored = await db.Recommendations.SingleAsync(r => r.Id == id);
        }

        // What the first save changes, and so exactly what history must gain: the comment, and each status that differs.
        var expected = 1 + (stored.Acceptance == Acceptance.Accepted ? 0 : 1) + (stored.Implementation == ImplementationStatus.Implemented ? 0 : 1);
        var (first, _) = await SignInThroughProxyAsync(DemoAccounts.AndersNorsker);
        var (second, _) = await SignInThroughProxyAsync(DemoAccounts.PreetamMaloor);
        var url = $"/Recommendations/Edit/{id}";
        var firstForm = await (await first.GetAsync(url)).ReadDocumentAsync();
        var secondForm = await (await second.GetAsync(url)).ReadDocumentAsync();

        var firstSave = await first.SubmitFormAsync(firstForm, url, Form("Accepted", "Implemented", "First to save."));
        var secondSave = await second.SubmitFormAsync(secondForm, url, Form("NotAccepted", "", "Second to save."));

        Assert.NotEqual(ServedBy(firstSave), ServedBy(secondSave));
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        Assert.Contains("Someone else saved this recommendation", (await secondSave.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var added = (await HistoryAsync(id)).Skip(before.Count).ToList();
        Assert.All(added, h => Assert.Equal(DemoAccounts.AndersNorsker, h.ChangedBy));
        Assert.Contains(added, h => h is { Field: HistoryField.Comment, NewValue: "First to save." });
        // Implemented is a claim awaiting validation (decision 032).
        Assert.Contains(added, h => h is { Field: HistoryField.ImplementationClaim, NewValue: "implemented" });
        Assert.Equal(expected, added.Count);
    }

    [Fact]
    public async Task TheProxy_SendsRequestsToEachInstanceInTurn()
    {
        using var client = cluster.ProxyClient(new CookieContainer());
        var servedBy = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            servedBy.Add(ServedBy(await client.GetAsync("/health/live")));
        }

        Assert.Equal(cluster.Instances.Order(), servedBy.Distinct().Order());
        Assert.All(servedBy.Zip(servedBy.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        // nginx writes its access log line just after the response, so the last one may be a moment late.
        for (var wait = 0; wait < 20 && !cluster.Proxy.ServedBy().TakeLast(6).SequenceEqual(servedBy); wait++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(servedBy, cluster.Proxy.ServedBy().TakeLast(6));
    }

    [Fact]
    public async Task RoundsOpenedThroughTheProxy_SendEachOfTheirEmailsOnce_ThoughBothInstancesDeliver()
    {
        var (coordinator, _) = await SignInThroughProxyAsync(DemoAccounts.Coordinator);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var rounds = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            rounds.Add(await coordinator.OpenRoundAsync($"Scale-out round {i}", due));
        }

        await using var db = cluster.Database.CreateContext();
        var written = await db.Outbox.Where(m => m.RoundId != null && rounds.Contains(m.RoundId.Value)).CountAsync();
        Assert.True(written >= 8 * 4, $"{written} e-mails were written for 8 rounds");
        var received = await cluster.Smtp.WaitForAsync(written, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var aboutTheseRounds = cluster.Smtp.Received.Where(m => m.Subject!.Contains("\"Scale-out round ", StringComparison.Ordinal)).ToList();
        Assert.Equal(written, aboutTheseRounds.Count);
        Assert.Equal(written, aboutTheseRounds.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(written, await db.Outbox.Where(m => m.RoundId != null && rounds.Contains(m.RoundId.Value) && m.State == OutboxState.Sent).CountAsync());
    }
}
