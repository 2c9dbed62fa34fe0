using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JiuTracker.Tests.Data;

/// <summary>Each provider has its own migrations; the SQLite ones that existing databases already carry never change.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class MigrationSetsTests
{
    private const string LastBeforePostgreSql = "20261129215906_AppendOnlyHistory";

    [Fact]
    public void SqliteMigrations_KeepTheIdsExistingDatabasesCarry()
    {
        using var db = DatabaseConnection.Sqlite("Data Source=unused.db", Path.GetTempPath()).CreateContext();

        Assert.Equal(
            ["20261129205155_InitialSchema", "20261129210646_RecommendationWithdrawal", "20261129211526_AdminAuditLog",
             "20261129213125_RecommendationRegistrationTime", LastBeforePostgreSql],
            db.Database.GetMigrations().Take(5));
    }

    [Fact]
    public void EachProvider_HasItsOwnMigrations()
    {
        using var sqlite = DatabaseConnection.Sqlite("Data Source=unused.db", Path.GetTempPath()).CreateContext();
        using var postgreSql = DatabaseConnection.PostgreSql("Host=unused").CreateContext();

        Assert.IsType<PostgreSqlJiuDbContext>(postgreSql);
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgreSql.Database.GetMigrations()));
        Assert.NotEmpty(postgreSql.Database.GetMigrations());
    }

    [Fact]
    public async Task ASqliteDatabaseOfTheLastVersion_IsBroughtUpToDate_AndKeepsItsRows()
    {
        var database = new TestDatabase();
        System.IO.Directory.CreateDirectory(database.Directory);
        try
        {
            await using (var old = database.CreateContext())
            {
                await old.GetService<IMigrator>().MigrateAsync(LastBeforePostgreSql);
                await old.Database.ExecuteSqlRawAsync("INSERT INTO \"Reports\" (\"Symbol\", \"Year\", \"Number\", \"Title\", \"CebComments\") VALUES ('JIU/REP/2021/3', 2021, 3, 'Cybersecurity', 0)");
            }

            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal("JIU/REP/2021/3", await db.Reports.Select(r => r.Symbol).SingleAsync());
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key", Xml = "<key />" });
            Assert.Equal(1, await db.SaveChangesAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecommendationsRecordedBeforeTheLatestChangeWasKept_GetTheTimeOfTheirLatestHistoryEntry()
    {
        var earlier = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var later = new DateTimeOffset(2025, 6, 2, 14, 30, 0, TimeSpan.Zero);
        var stored = new DateTimeOffsetToBinaryConverter();
        var database = new TestDatabase();
        System.IO.Directory.CreateDirectory(database.Directory);
        try
        {
            await using (var old = database.CreateContext())
            {
                await old.GetService<IMigrator>().MigrateAsync("20261129232445_DataProtectionKeys");
                await old.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "Reports" ("Id", "Symbol", "Year", "Number", "Title", "CebComments") VALUES (1, 'JIU/REP/2021/3', 2021, 3, 'Cybersecurity', 0);
                    INSERT INTO "Recommendations" ("Id", "ReportId", "Number", "Text", "Addressee", "Version") VALUES (1, 1, 1, 'Act.', 'ExecutiveHeads', 2), (2, 1, 2, 'Act too.', 'ExecutiveHeads', 0);
                    INSERT INTO "History" ("RecommendationId", "Field", "ChangedBy", "ChangedAt") VALUES (1, 'Implementation', 'a', {0}), (1, 'Acceptance', 'b', {1});
                    """,
                    stored.ConvertToProvider(later)!, stored.ConvertToProvider(earlier)!);
            }

            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();

            var latest = await db.Recommendations.OrderBy(r => r.Id).Select(r => r.LastChangedAt).ToListAsync();
            Assert.Equal([later, null], latest);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecommendationsImplementedBeforeClaimsWereValidated_CountAsValidated_AndTheHistorySaysSo()
    {
        var database = new TestDatabase();
        System.IO.Directory.CreateDirectory(database.Directory);
        try
        {
            await using (var old = database.CreateContext())
            {
                await old.GetService<IMigrator>().MigrateAsync("20261203180838_Evidence");
                await old.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "Reports" ("Id", "Symbol", "Year", "Number", "Title", "CebComments") VALUES (1, 'JIU/REP/2021/3', 2021, 3, 'Cybersecurity', 0);
                    INSERT INTO "Recommendations" ("Id", "ReportId", "Number", "Text", "Addressee", "Acceptance", "Implementation", "Version")
                        VALUES (1, 1, 1, 'Act.', 'ExecutiveHeads', 'Accepted', 'Implemented', 2), (2, 1, 2, 'Act too.', 'ExecutiveHeads', 'Accepted', 'InProgress', 2);
                    """);
            }

            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();

            var validated = await db.History.Where(h => h.Field == JiuTracker.Web.Domain.HistoryField.ClosureValidated).ToListAsync();
            var entry = Assert.Single(validated);
            Assert.Equal((1, JiuTracker.Web.Domain.ClosureClaims.EarlierCountsAsValidated, "JiuTracker"), (entry.RecommendationId, entry.NewValue, entry.ChangedBy));
            Assert.Equal(JiuTracker.Web.Domain.ImplementationStatus.Implemented, await db.Recommendations.Where(r => r.Id == 1).Select(r => r.Implementation).SingleAsync());
            Assert.Equal(0, await db.Recommendations.CountAsync(r => r.ClaimedAt != null));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
