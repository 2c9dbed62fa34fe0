using JiuTracker.Web.Data;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Web.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c>: a consistent copy of the SQLite database, taken with SQLite's online backup while the
/// app keeps running, then checked with <c>PRAGMA integrity_check</c>. An existing file is never overwritten.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] operands, CancellationToken ct)
    {
        if (operands.Length != 1)
        {
            await Console.Error.WriteLineAsync("Usage: backup <file>   (a new file; the database keeps serving while it is copied)");
            return 2;
        }

        var destination = Path.GetFullPath(operands[0]);
        if (File.Exists(destination))
        {
            await Console.Error.WriteLineAsync($"Cannot back up: {destination} already exists, and a backup never overwrites a file.");
            return 2;
        }

        var database = services.GetRequiredService<DatabaseConnection>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync("Cannot back up: backup copies a SQLite database; back up PostgreSQL with pg_dump (see docs/deployment.md).");
            return 2;
        }

        var source = new SqliteConnectionStringBuilder(database.ConnectionString);
        if (!File.Exists(source.DataSource))
        {
            await Console.Error.WriteLineAsync($"Cannot back up: there is no database at {source.DataSource}.");
            return 1;
        }

        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }

        var check = await IntegrityCheckAsync(destination, ct);
        if (check != "ok")
        {
            await Console.Error.WriteLineAsync($"The copy at {destination} failed its integrity check: {check}");
            return 1;
        }

        Console.WriteLine($"Backed up {source.DataSource} to {destination} ({new FileInfo(destination).Length:N0} bytes); integrity check: ok.");
        return 0;
    }

    private static async Task<string> IntegrityCheckAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string?)await command.ExecuteScalarAsync(ct) ?? "no answer";
    }
}
