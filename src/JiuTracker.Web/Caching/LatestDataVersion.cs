using JiuTracker.Web.Data;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Web.Caching;

/// <summary>
/// The latest <see cref="DataVersion"/> read, and whether a request may use it without reading it again. On a SQLite
/// file, a connection of its own asks <c>PRAGMA data_version</c>, which changes once any other connection, in this
/// process or another (an import), has committed to the file: while it is unchanged so are the highest ids, and a
/// request uses the version read before (decision 018). On PostgreSQL, and on an in-memory SQLite database, every
/// request reads the version.
/// </summary>
public sealed class LatestDataVersion : IDisposable
{
    private readonly SqliteConnection? _watch;
    private readonly SqliteCommand? _commits;
    private readonly Lock _lock = new();
    private Seen? _latest;

    public LatestDataVersion(DatabaseConnection database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return;
        }

        _watch = new SqliteConnection(builder.ToString());
        _commits = _watch.CreateCommand();
        _commits.CommandText = "PRAGMA data_version";
    }

    public async Task<DataVersion> ReadAsync(JiuDbContext db, CancellationToken ct)
    {
        if (_commits is null)
        {
            return await DataVersion.ReadAsync(db, ct);
        }

        // Asked before the ids are read: a commit in between is read with them and also changes the next answer.
        var commits = Commits();
        if (Volatile.Read(ref _latest) is { } latest && latest.Commits == commits)
        {
            return latest.Version;
        }

        var version = await DataVersion.ReadAsync(db, ct);
        Volatile.Write(ref _latest, new Seen(commits, version));
        return version;
    }

    public void Dispose()
    {
        _commits?.Dispose();
        _watch?.Dispose();
    }

    /// <summary>A number that changes whenever another connection has committed to the file since it was last asked.</summary>
    private long Commits()
    {
        lock (_lock)
        {
            if (_watch!.State != System.Data.ConnectionState.Open)
            {
                _watch.Open();
            }

            return (long)_commits!.ExecuteScalar()!;
        }
    }

    private sealed record Seen(long Commits, DataVersion Version);
}
