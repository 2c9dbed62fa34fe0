using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace JiuTracker.Tests.Import;

public class LegacyDocumentImporterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ImportTime = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    /// <summary>The seed's statuses are as of the date it states, 31 December 2021.</summary>
    private static readonly DateOnly SeedAsOf = new(2021, 12, 31);
    private static readonly DateTimeOffset SeedAsOfStart = new(2021, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private async Task<ImportOutcome> ImportAsync(string text, string source = "action-required-2020-2021.txt", DateOnly? asOf = null)
    {
        var read = LegacyDocumentReader.Read(text);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        await using var db = _database.CreateContext();
        return await new LegacyDocumentImporter(db, new FakeTimeProvider(ImportTime))
            .ImportAsync(read.Document!, asOf ?? read.Document!.StatedDate!.Value, source, "importer test", CancellationToken.None);
    }

    [Fact]
    public async Task Import_Seed_StoresFourReports23RecommendationsAndFiveFocalPoints()
    {
        var outcome = await ImportAsync(TestDocuments.SeedText());

        Assert.Equal((4, 23, 5), (outcome.Created.Count, outcome.RecommendationsCreated, outcome.FocalPointsCreated));
        await using var db = _database.CreateContext();
        var reports = await db.Reports.Include(r => r.FocalPoints).Include(r => r.Recommendations).OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ToListAsync();
        Assert.Equal(["JIU/REP/2021/3", "JIU/REP/2021/2", "JIU/REP/2020/8", "JIU/REP/2020/7"], reports.Select(r => r.Symbol));
        Assert.Equal([2, 3, 10, 8], reports.Select(r => r.Recommendations.Count));
        Assert.Equal(
            [CebCommentsStatus.NotYetAvailable, CebCommentsStatus.NotYetAvailable, CebCommentsStatus.Available, CebCommentsStatus.Available],
            reports.Select(r => r.CebComments));
        Assert.Equal(["Anders Norsker (GS/IS)", "Preetam Maloor (GS/SPM)"], reports[0].FocalPoints.Select(f => f.NameWithUnit).Order());
        Assert.Equal(5, await db.FocalPoints.Select(f => f.Unit).Distinct().CountAsync());
    }

    [Fact]
    public async Task Import_Seed_RecordsEachStatusAndCommentInHistory_AsTheImport_DatedAtTheStartOfItsAsOfDay()
    {
        await ImportAsync(TestDocuments.SeedText());

        await using var db = _database.CreateContext();
        var history = await db.History.ToListAsync();
        var acceptances = await db.Recommendations.CountAsync(r => r.Acceptance != null);
        var implementations = await db.Recommendations.CountAsync(r => r.Implementation != null);
        var comments = await db.Comments.CountAsync();
        var implemented = await db.Recommendations.CountAsync(r => r.Implementation == ImplementationStatus.Implemented);
        Assert.Equal((20, 22, 7), (acceptances, implementations, comments));
        // Each imported Implemented counts as validated, and the history says so.
        Assert.Equal(implemented, history.Count(h => h.Field == HistoryField.ClosureValidated && h.NewValue == ClosureClaims.ImportedCountsAsValidated));
        Assert.Equal(acceptances + implementations + implemented + comments, history.Count);
        // Dated at the start of the day the statuses are as of; the source says so and keeps the real time of the import.
        Assert.All(history, h => Assert.Equal(
            ("Import of action-required-2020-2021.txt", SeedAsOfStart, "imported from action-required-2020-2021.txt, statuses as of 2021-12-31; imported 2026-03-02 08:00 UTC"),
            (h.ChangedBy, h.ChangedAt, h.Source)));
        Assert.All(await db.Comments.ToListAsync(), c => Assert.Equal(SeedAsOfStart, c.CreatedAt));
        Assert.All(await db.Recommendations.ToListAsync(), r => Assert.Equal((SeedAsOfStart, SeedAsOfStart), (r.RegisteredAt, r.LastChangedAt)));
    }

    [Fact]
    public async Task Import_AsOfAnotherDay_DatesItsStatusesThen_AndTheAuditEntryKeepsTheRealTimeAndNamesTheDay()
    {
        await ImportAsync(TestDocuments.SeedText(), asOf: new DateOnly(2024, 6, 30));

        await using var db = _database.CreateContext();
        var dayStart = new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero);
        Assert.All(await db.History.ToListAsync(), h => Assert.Equal(dayStart, h.ChangedAt));
        Assert.All(await db.Recommendations.ToListAsync(), r => Assert.Equal(dayStart, r.RegisteredAt));
        var audit = await db.AdminAudit.SingleAsync(a => a.Action == AdminAction.DocumentImported);
        Assert.Equal((ImportTime, "importer test"), (audit.At, audit.By));
        Assert.EndsWith("Statuses as of 2024-06-30, dated 2024-06-30 00:00 UTC in the history.", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-03", "Statuses as of: the day must be between 1990-01-01 and 2026-03-02 (today); 2026-03-03 is outside.")]
    [InlineData("1989-12-31", "Statuses as of: the day must be between 1990-01-01 and 2026-03-02 (today); 1989-12-31 is outside.")]
    public async Task Import_AsOfADayAfterTodayOrBefore1990_IsRefusedInWords_AndStoresNothing(string day, string expected)
    {
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() =>
            ImportAsync(TestDocuments.SeedText(), asOf: DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, refusal.Message);
        await using var db = _database.CreateContext();
        Assert.Equal((0, 0, 0), (await db.Reports.CountAsync(), await db.History.CountAsync(), await db.AdminAudit.CountAsync()));
    }

    [Fact]
    public async Task Import_Seed_DerivesAddresseeAndDeadlineFromTheText()
    {
        await ImportAsync(TestDocuments.SeedText());

        await using var db = _database.CreateContext();
        var byAddressee = await db.Recommendations.GroupBy(r => r.Addressee).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(new Dictionary<Addressee, int> { [Addressee.ExecutiveHeads] = 17, [Addressee.LegislativeBodies] = 5, [Addressee.Other] = 1 }, byAddressee);
        var blockchain5 = await db.Recommendations.SingleAsync(r => r.Report.Symbol == "JIU/REP/2020/7" && r.Number == 5);
        Assert.Equal((Addressee.Other, (int?)2021, true), (blockchain5.Addressee, blockchain5.DeadlineYear, blockchain5.IsInformationOnly));
    }

    [Fact]
    public async Task Import_Again_SaysWhichReportsExist_AndChangesNothing()
    {
        await ImportAsync(TestDocuments.SeedText());
        await using (var before = _database.CreateContext())
        {
            var recommendation = await before.Recommendations.SingleAsync(r => r.Report.Symbol == "JIU/REP/2021/3" && r.Number == 1);
            recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, new ChangeStamp("someone", ImportTime.AddDays(1)), ClosureValidation.NotRequired);
            await before.SaveChangesAsync();
        }

        var outcome = await ImportAsync(TestDocuments.SeedText());

        Assert.Empty(outcome.Created);
        Assert.Equal(["JIU/REP/2021/3", "JIU/REP/2021/2", "JIU/REP/2020/8", "JIU/REP/2020/7"], outcome.AlreadyRegistered);
        await using var db = _database.CreateContext();
        Assert.Equal((4, 23, 5), (await db.Reports.CountAsync(), await db.Recommendations.CountAsync(), await db.FocalPoints.CountAsync()));
        var kept = await db.Recommendations.SingleAsync(r => r.Report.Symbol == "JIU/REP/2021/3" && r.Number == 1);
        Assert.Equal(ImplementationStatus.Implemented, kept.Implementation);
    }
}
