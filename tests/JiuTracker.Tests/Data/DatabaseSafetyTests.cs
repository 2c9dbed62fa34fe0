using JiuTracker.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Data;

public class DatabaseSafetyTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData("UPDATE \"History\" SET \"NewValue\" = 'rewritten'", "cannot be changed")]
    [InlineData("DELETE FROM \"History\"", "cannot be deleted")]
    [InlineData("UPDATE \"AdminAudit\" SET \"By\" = 'someone else'", "cannot be changed")]
    [InlineData("DELETE FROM \"AdminAudit\"", "cannot be deleted")]
    public async Task HistoryAndAuditRows_AreRefusedAnyChange_ByTheDatabaseItself(string sql, string message)
    {
        await using var db = app.CreateDbContext();
        // Appending is what the tables are for: an audit row to try to change.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AdminAudit\" (\"At\", \"By\", \"Action\", \"Subject\", \"Details\") VALUES (0, 'test', 'ReportRegistered', 'JIU/REP/2021/3', '')");
        var before = await db.History.CountAsync() + await db.AdminAudit.CountAsync();

        var refusal = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.History.CountAsync() + await db.AdminAudit.CountAsync());
        Assert.True(before > 0);
    }

    [Fact]
    public async Task Database_RunsInWriteAheadLogMode()
    {
        await using var db = app.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
