using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Updates;

/// <summary><c>apply-workbook</c> run as an administrator runs it: a process of its own on the app's database.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class ApplyWorkbookCommandTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IDisposable
{
    private const string Report = DemoAccounts.EnvironmentReport;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"jiutracker-update-{Guid.NewGuid():N}.xlsx");

    public void Dispose() => File.Delete(_file);

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        AppCommand.RunAsync(Path.GetTempPath(), ["apply-workbook", .. arguments, $"--ConnectionStrings:JiuTracker=Data Source={app.DatabasePath}"]);

    private Task<bool> CommentStoredAsync(string text) =>
        app.QueryAsync(db => db.Comments.AnyAsync(c => c.Text == text));

    private async Task WriteFilledInWorkbookAsync(string comment)
    {
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var workbook = (await DownloadedWorkbook.DownloadAsync(admin, $"{DownloadedWorkbook.Path}?report={Report}"))
            .Set(Report, 9, UpdateSheet.NewComment, comment)
            .Set(Report, 10, UpdateSheet.Implementation, "Half done");
        await File.WriteAllBytesAsync(_file, workbook.Bytes);
    }

    [Fact]
    public async Task DryRun_PrintsThePreview_AndChangesNothing_ThenTheRealRun_AppliesIt()
    {
        await WriteFilledInWorkbookAsync("Applied from the shell.");
        var uploads = await app.QueryAsync(db => db.WorkbookUploads.CountAsync());

        var dry = await RunAsync(_file, "--as", DemoAccounts.Admin, "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.Errors);
        Assert.Contains("1 to change", dry.Output, StringComparison.Ordinal);
        Assert.Contains($"change: {Report} recommendation 9", dry.Output, StringComparison.Ordinal);
        Assert.Contains("\"Half done\" is not an implementation value", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was applied.", dry.Output, StringComparison.Ordinal);
        Assert.False(await CommentStoredAsync("Applied from the shell."));
        Assert.Equal(uploads, await app.QueryAsync(db => db.WorkbookUploads.CountAsync()));

        var real = await RunAsync(_file, "--as", DemoAccounts.Admin);

        Assert.True(real.ExitCode == 0, real.Errors);
        Assert.Contains("Applied: 1 recommendation(s) changed", real.Output, StringComparison.Ordinal);
        Assert.True(await CommentStoredAsync("Applied from the shell."));
        var source = await app.QueryAsync(db => db.History.OrderBy(h => h.Id).Select(h => h.Source).LastAsync());
        Assert.Contains($"{Path.GetFileName(_file)} (SHA-256 ", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsAnAccountThatRecordsNoStatuses_Refuses_AndChangesNothing()
    {
        await WriteFilledInWorkbookAsync("Not from an auditor.");

        var run = await RunAsync(_file, "--as", DemoAccounts.Auditor);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("neither an administrator nor a focal point", run.Errors, StringComparison.Ordinal);
        Assert.False(await CommentStoredAsync("Not from an auditor."));
    }

    [Fact]
    public async Task WithoutAnAccount_PrintsTheUsage()
    {
        var run = await RunAsync(_file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage: apply-workbook <file> --as <email> [--dry-run]", run.Errors, StringComparison.Ordinal);
    }
}
