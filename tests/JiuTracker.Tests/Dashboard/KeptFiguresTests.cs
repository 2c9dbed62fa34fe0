using JiuTracker.Web.Caching;
using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Dashboard;

/// <summary>
/// The dashboard keeps its figures and, after status changes, counts again only the changed reports' groups: the
/// figures it then shows equal a count from scratch, for every filter, after every change.
/// </summary>
public class KeptFiguresTests(QueryCountTests.CountedApp app) : IClassFixture<QueryCountTests.CountedApp>
{
    private static readonly string[] Filters = ["", "?from=2021", "?addressee=executive-heads", "?to=2020&addressee=other"];

    /// <summary>(report, number, acceptance, implementation): changes of every kind, on every report, some twice.</summary>
    private static readonly (string Report, int Number, string Acceptance, string Implementation)[] Changes =
    [
        (SeedReports.Cybersecurity, 1, "Accepted", "Implemented"),
        (SeedReports.Environment, 7, "UnderConsideration", ""),
        (SeedReports.Blockchain, 2, "NotAccepted", ""),
        (SeedReports.Landlocked, 1, "NotRelevant", ""),
        (SeedReports.Environment, 7, "Accepted", "NotStarted"),
        (SeedReports.Cybersecurity, 1, "", ""),
    ];

    [Fact]
    public async Task FiguresCaughtUpAfterEachChange_EqualACountFromScratch_ForEveryFilter()
    {
        var reader = await app.SignedInClientAsync(DemoAccounts.Management);
        var editor = await app.SignedInClientAsync(DemoAccounts.Admin);
        foreach (var filter in Filters)
        {
            await AssertEqualsCountFromScratchAsync(reader, filter);
        }

        foreach (var (report, number, acceptance, implementation) in Changes)
        {
            var id = await app.RecommendationIdAsync(report, number);
            var saved = await editor.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string>
            {
                ["Input.Acceptance"] = acceptance,
                ["Input.Implementation"] = implementation,
                ["Input.NewComment"] = $"Changed to {acceptance} {implementation}.",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            foreach (var filter in Filters)
            {
                var commands = await AssertEqualsCountFromScratchAsync(reader, filter);
                // Caught up, not counted again: the new history is read, the focal points (read by a full count) are not.
                Assert.Contains(commands, sql => sql.Contains("FROM \"History\"", StringComparison.Ordinal) && sql.Contains("\"Id\" >", StringComparison.Ordinal));
                Assert.DoesNotContain(commands, sql => sql.Contains("FocalPointAssignments", StringComparison.Ordinal));
            }
        }
    }

    /// <returns>The SQL commands the page request sent.</returns>
    private async Task<List<string>> AssertEqualsCountFromScratchAsync(HttpClient reader, string query)
    {
        app.Commands.Reset();
        var page = await DashboardPage.OpenAsync(reader, query);
        var commands = app.Commands.Texts.ToList();
        var expected = await CountFromScratchAsync(page, query);

        foreach (var figure in Enum.GetValues<Figure>().Where(f => page.Document.QuerySelector($"#figures tr[data-figure={f}]") is not null))
        {
            Assert.True(expected.Totals[figure] == page.Figure(figure.ToString()), $"{query}: {figure} shows {page.Figure(figure.ToString())}, a count from scratch gives {expected.Totals[figure]}");
        }

        foreach (var breakdown in expected.Breakdowns)
        {
            var shown = page.Breakdown(breakdown.Title);
            Assert.Equal(breakdown.Rows.Select(r => r.Label).Order(), shown.Keys.Order());
            foreach (var row in breakdown.Rows)
            {
                var counts = row.Counts;
                string[] cells =
                [
                    $"{counts[Figure.All]}", $"{counts[Figure.Accepted]}",
                    $"{counts.AcceptanceRate.Text} ({counts.AcceptanceRate.Numerator} of {counts.AcceptanceRate.Denominator})",
                    $"{counts.ImplementationRate.Text} ({counts.ImplementationRate.Numerator} of {counts.ImplementationRate.Denominator})",
                    $"{counts[Figure.NoDecision]}", $"{counts[Figure.AcceptedNotStarted]}", $"{counts[Figure.Overdue]}",
                ];
                Assert.True(cells.SequenceEqual(shown[row.Label]), $"{query}, {breakdown.Title}, {row.Label}: shows {string.Join(" | ", shown[row.Label])}, a count from scratch gives {string.Join(" | ", cells)}");
            }
        }

        return commands;
    }

    /// <summary>The same figures counted by a dashboard that has kept nothing.</summary>
    private async Task<DashboardView> CountFromScratchAsync(DashboardPage page, string query)
    {
        Assert.NotNull(page.Document.QuerySelector("#figures"));
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        var filter = new RecommendationFilter
        {
            From = values.TryGetValue("from", out var from) ? int.Parse(from!, System.Globalization.CultureInfo.InvariantCulture) : null,
            To = values.TryGetValue("to", out var to) ? int.Parse(to!, System.Globalization.CultureInfo.InvariantCulture) : null,
            Addressee = values.TryGetValue("addressee", out var addressee) ? addressee.ToString() : null,
        };
        using var scope = app.Services.CreateScope();
        using var nothingKept = new ReadCache();
        var services = scope.ServiceProvider;
        var data = new DashboardData(services.GetRequiredService<JiuDbContext>(), services.GetRequiredService<FilteredRecommendations>(),
            services.GetRequiredService<FigureDefinitions>(), new KeptReads(services.GetRequiredService<JiuDbContext>(), services.GetRequiredService<LatestDataVersion>(), nothingKept));
        return await data.LoadAsync(filter, null, CancellationToken.None);
    }
}
