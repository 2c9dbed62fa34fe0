using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Data;

/// <summary>SQLite's own safety settings.</summary>
public class DatabaseSafetyTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
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
