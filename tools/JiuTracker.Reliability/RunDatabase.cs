using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>The run's SQLite file as the checks read it, after the app has stopped or been killed: read-only, unpooled.</summary>
public static class RunDatabase
{
    public static async Task<SqliteConnection> OpenReadOnlyAsync(string databasePath, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }
}
