using System.Diagnostics;
using JiuTracker.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Data;

/// <summary>The <c>backup</c> command, run as a separate process while the app keeps taking edits.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class BackupCommandTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private async Task<(int ExitCode, string Output, string Errors)> RunBackupAsync(string destination)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(Program).Assembly.Location, "backup", destination, $"--ConnectionStrings:JiuTracker=Data Source={app.DatabasePath}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }

    private static async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Backup_TakenWhileEditsArrive_IsAConsistentDatabase()
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var ids = await app.QueryAsync(db => db.Recommendations.Select(r => r.Id).ToListAsync());
        var before = await app.QueryAsync(db => db.History.CountAsync());
        using var stop = new CancellationTokenSource();
        var edits = Task.Run(async () =>
        {
            var saved = 0;
            for (var i = 0; !stop.IsCancellationRequested && i < 200; i++)
            {
                var response = await admin.SubmitFormAsync($"/Recommendations/Edit/{ids[i % ids.Count]}", new Dictionary<string, string> { ["Input.NewComment"] = $"Edit {i} during the backup." });
                saved += response.StatusCode == System.Net.HttpStatusCode.Redirect ? 1 : 0;
            }

            return saved;
        });
        var destination = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "backup.db");

        var (exitCode, output, errors) = await RunBackupAsync(destination);
        await stop.CancelAsync();
        var saved = await edits;

        Assert.True(exitCode == 0, errors);
        Assert.Contains("integrity check: ok", output, StringComparison.Ordinal);
        Assert.True(saved > 0);
        var copied = await CountAsync(destination, "History");
        var after = await app.QueryAsync(db => db.History.CountAsync());
        Assert.InRange(copied, before, after);
        Assert.Equal(4, await CountAsync(destination, "Reports"));
        // Every comment in the copy has its history entry: the copy is one moment of the database, not a mix.
        Assert.Equal(await CountAsync(destination, "Comments"), copied - (before - await app.QueryAsync(db => db.Comments.CountAsync(c => !c.Text.StartsWith("Edit ")))));
    }

    [Fact]
    public async Task Backup_ToAFileThatExists_IsRefused_AndLeavesItAlone()
    {
        var existing = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var (exitCode, _, errors) = await RunBackupAsync(existing);

        Assert.Equal(2, exitCode);
        Assert.Contains("never overwrites", errors, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }
}
