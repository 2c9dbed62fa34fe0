using JiuTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>A migrated SQLite file of its own in a temporary folder, deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jiutracker-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Directory, "jiutracker.db");

    public string ConnectionString => $"Data Source={FilePath}";

    public JiuDbContext CreateContext() => new(new DbContextOptionsBuilder<JiuDbContext>().UseSqlite(ConnectionString).Options);

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
