using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using JiuTracker.Web.Trends;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Export;

/// <summary>
/// The workbook of the seed data, written once by the real writer from the demo database (a real SQLite file) as of
/// today, for a reader who may not see withdrawn recommendations; one comment starting with "=" is added first.
/// </summary>
public sealed class WorkbookFixture : IAsyncLifetime
{
    public const string FormulaLikeComment = "=HYPERLINK(\"http://example.invalid\",\"click\")";

    public JiuTrackerFactory App { get; } = new();

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jiu-workbook-{Guid.NewGuid():N}.xlsx");

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        await using (var db = App.CreateDbContext())
        {
            var recommendation = await db.Recommendations.Include(r => r.Comments)
                .SingleAsync(r => r.Report.Symbol == "JIU/REP/2021/3" && r.Number == 2);
            recommendation.AddComment(FormulaLikeComment, new ChangeStamp(DemoAccounts.AndersNorsker, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await WriteAsync(Path, new ExportScope().ForReader(false), Today);
    }

    /// <summary>Writes the workbook of <paramref name="scope"/> to <paramref name="path"/> the way the export endpoint does.</summary>
    public async Task WriteAsync(string path, ExportScope scope, DateOnly asOf)
    {
        await using var db = App.CreateDbContext();
        await using var file = File.Create(path);
        await ActionRequiredWorkbook.WriteAsync(file, await ContentAsync(db, scope, asOf), CancellationToken.None);
    }

    private static async Task<WorkbookContent> ContentAsync(JiuDbContext db, ExportScope scope, DateOnly asOf)
    {
        var source = new ExportSource(db);
        var reports = source.ReportsInScope(scope);
        var trend = await new StatusTrend(db).CountAsync(
            RecommendationFacts.QueryIncludingWithdrawn(db).Where(f => reports.Any(r => r.Id == f.ReportId)),
            new TrendPeriod { TrendTo = asOf.Year }.Ends(asOf), staleAfterMonths: 6, CancellationToken.None);
        return new WorkbookContent(
            "ITU", asOf, "All reports",
            () => source.ReportsAsync(scope, CancellationToken.None),
            () => source.HistoryAsync(scope),
            FigureDefinitions.ForDay(asOf, staleAfterMonths: 6),
            trend);
    }

    public Task DisposeAsync()
    {
        File.Delete(Path);
        App.Dispose();
        return Task.CompletedTask;
    }
}
