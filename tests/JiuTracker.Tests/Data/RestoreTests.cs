using System.Diagnostics;
using System.Net;
using JiuTracker.Reliability;
using JiuTracker.Tests.Reliability;

namespace JiuTracker.Tests.Data;

/// <summary>The README's restore procedure, followed step by step with the app in a process of its own.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class RestoreTests
{
    private static async Task SaveCommentAsync(Uri app, string comment)
    {
        using var administrator = new AppClient(app);
        await administrator.SignInAsync(DemoAccount.Editors[0].Email, DemoAccount.Password, CancellationToken.None);
        var form = await administrator.GetPageAsync("/Recommendations/Edit/1", CancellationToken.None);
        using var saved = await administrator.PostFormAsync("/Recommendations/Edit/1", form.Form, new Dictionary<string, string> { ["Input.NewComment"] = comment }, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static async Task<string> HistoryPageAsync(Uri app)
    {
        using var administrator = new AppClient(app);
        await administrator.SignInAsync(DemoAccount.Editors[0].Email, DemoAccount.Password, CancellationToken.None);
        return (await administrator.GetPageAsync("/Recommendations/History/1", CancellationToken.None)).Document.Body!.TextContent;
    }

    private static async Task BackupAsync(string database, string destination)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RunFolder.AppDll, "backup", destination, $"--ConnectionStrings:JiuTracker=Data Source={database}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await errors);
    }

    [Fact]
    public async Task Restore_AsTheReadmeSays_StartsTheAppOnTheBackup_WithWhatItHeld_AndWithoutWhatCameLater()
    {
        using var folder = new RunFolder();
        var backup = folder.PathOf("backup.db");
        var app = await AppProcess.StartAsync(RunFolder.AppDll, folder.DatabasePath, port: 0, CancellationToken.None);
        await using (app)
        {
            await SaveCommentAsync(app.BaseAddress, "Saved before the backup.");
            await BackupAsync(folder.DatabasePath, backup);
            await SaveCommentAsync(app.BaseAddress, "Saved after the backup.");

            // Stop the app; move the database and its -wal and -shm files out of the way; copy the backup in; start the app.
            await app.StopAsync();
        }

        var aside = Directory.CreateDirectory(folder.PathOf("replaced")).FullName;
        foreach (var file in new[] { folder.DatabasePath, $"{folder.DatabasePath}-wal", $"{folder.DatabasePath}-shm" }.Where(File.Exists))
        {
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        }

        File.Copy(backup, folder.DatabasePath);
        await using var restored = await AppProcess.StartAsync(RunFolder.AppDll, folder.DatabasePath, port: 0, CancellationToken.None);

        var history = await HistoryPageAsync(restored.BaseAddress);
        Assert.Contains("Saved before the backup.", history, StringComparison.Ordinal);
        Assert.DoesNotContain("Saved after the backup.", history, StringComparison.Ordinal);
    }
}
