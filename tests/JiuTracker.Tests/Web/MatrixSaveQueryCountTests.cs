using System.Net;
using JiuTracker.Tests.Dashboard;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

/// <summary>
/// A whole-report save reads as often for a report of 60 changed rows as for one of 5: nothing is loaded row by row.
/// SQLite's EF Core provider sends each written row as its own command (in-process, in the save's one transaction);
/// on PostgreSQL the writes go in one batch, so there the whole count is fixed (<see cref="MatrixSaveQueryCountOnPostgreSqlTests"/>).
/// </summary>
public class MatrixSaveQueryCountTests(QueryCountTests.CountedApp app) : IClassFixture<QueryCountTests.CountedApp>
{
    /// <summary>The commands of one save that this provider's count must keep fixed.</summary>
    protected virtual IEnumerable<string> Counted(IEnumerable<string> commands) =>
        commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

    private async Task<int> AddReportAsync(int recommendations)
    {
        await using var db = app.CreateDbContext();
        var stamp = new ChangeStamp("test", DateTimeOffset.UtcNow);
        var number = ++app.ReportsAdded;
        var report = new Report(new ReportSymbol("NOTE", 2018, number), $"Generated report {number}");
        for (var n = 1; n <= recommendations; n++)
        {
            var recommendation = report.AddRecommendation(n, $"The executive heads should act by the end of 2020 ({number}.{n}).");
            recommendation.RecordImported(Acceptance.Accepted, ImplementationStatus.InProgress, $"Comment {n}", stamp);
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private async Task<int> CommandsToSaveEveryRowAsync(HttpClient client, int recommendations)
    {
        var reportId = await AddReportAsync(recommendations);
        var form = await client.GetDocumentAsync($"/Reports/Update/{reportId}");
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < recommendations; i++)
        {
            fields[$"Rows[{i}].Implementation"] = nameof(ImplementationStatus.Implemented);
            fields[$"Rows[{i}].NewComment"] = $"Done, row {i + 1}.";
        }

        app.Commands.Reset();
        var response = await client.SubmitFormAsync(form, $"/Reports/Update/{reportId}", fields);
        var commands = Counted(app.Commands.Texts).Count();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var implemented = await app.QueryAsync(db => db.Recommendations
            .CountAsync(r => r.ReportId == reportId && r.ClaimedAt != null));
        Assert.Equal(recommendations, implemented);
        return commands;
    }

    [Fact]
    public async Task WholeReportSave_SendsAsManyCountedCommands_ForFiveAndForSixtyChangedRows()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var withFive = await CommandsToSaveEveryRowAsync(client, 5);
        var withSixty = await CommandsToSaveEveryRowAsync(client, 60);

        Assert.True(withSixty == withFive, $"{withFive} commands for 5 rows, {withSixty} for 60:\n{string.Join("\n---\n", Counted(app.Commands.Texts))}");
    }
}
