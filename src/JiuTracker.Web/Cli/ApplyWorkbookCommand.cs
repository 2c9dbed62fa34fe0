using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using JiuTracker.Web.Updates;
using Microsoft.AspNetCore.Identity;

namespace JiuTracker.Web.Cli;

/// <summary>
/// <c>apply-workbook &lt;file&gt; --as &lt;email&gt; [--dry-run]</c>: the upload page's round trip for an administrator at a
/// shell: prints the preview of every row, then applies the rows that change something as that account (whose rights
/// are checked row by row, as on the page), unless <c>--dry-run</c>.
/// </summary>
public static class ApplyWorkbookCommand
{
    private const string Usage = "Usage: apply-workbook <file> --as <email> [--dry-run]   (an update workbook downloaded from JiuTracker and filled in)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] operands, CancellationToken ct)
    {
        var dryRun = operands.Contains("--dry-run");
        var rest = operands.Where(o => o != "--dry-run").ToList();
        if (rest is not [var file, "--as", var email])
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"Cannot apply: there is no file {path}.");
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null || AccountStatus.IsDisabled(account))
        {
            await Console.Error.WriteLineAsync($"Cannot apply: {email} is {(account is null ? "not an account" : "a disabled account")}. Nothing was changed.");
            return 2;
        }

        var user = await services.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync(account);
        if (!EditableReports.MayEditSome(user))
        {
            await Console.Error.WriteLineAsync($"Cannot apply: {email} is neither an administrator nor a focal point, so it records no statuses. Nothing was changed.");
            return 2;
        }

        var updates = services.GetRequiredService<WorkbookUpdates>();
        var stamp = new ChangeStamp(account.UserName!, services.GetRequiredService<TimeProvider>().GetUtcNow());
        WorkbookUploadOutcome upload;
        await using (var stream = File.OpenRead(path))
        {
            upload = await updates.UploadAsync(stream, Path.GetFileName(path), stamp, ct, keep: !dryRun);
        }

        if (upload.Refusal is not null)
        {
            await Console.Error.WriteLineAsync($"Cannot apply: {upload.Refusal}");
            return 1;
        }

        var preview = await updates.PreviewAsync(upload.Upload!, upload.File!, user, stamp, ct);
        Print(preview);
        if (dryRun)
        {
            Console.WriteLine("Dry run: nothing was applied.");
            return 0;
        }

        var applied = await updates.ApplyAsync(upload.Upload!.Id, user, stamp, ct);
        if (applied.Result != WorkbookApplyResult.Applied)
        {
            await Console.Error.WriteLineAsync($"Nothing was applied: {(applied.Result == WorkbookApplyResult.Busy ? "others saved the same recommendations at the same moment; run it again" : applied.Result.ToString())}.");
            return 1;
        }

        Console.WriteLine($"Applied: {applied.Preview!.Count(WorkbookRowKind.Change)} recommendation(s) changed, recorded as {applied.Preview.Upload.Source}.");
        return 0;
    }

    private static void Print(WorkbookPreview preview)
    {
        Console.WriteLine($"{preview.Upload.FileName} (SHA-256 {preview.Upload.Sha256}): {preview.Summary()}");
        foreach (var row in preview.Rows.Where(r => r.Kind != WorkbookRowKind.Unchanged))
        {
            var what = row.Kind == WorkbookRowKind.Change
                ? $"acceptance {row.StoredAcceptance.LabelOrNotRecorded()} → {row.Acceptance.LabelOrNotRecorded()}, " +
                  $"implementation {row.StoredImplementation.LabelOrNotRecorded()} → {row.Implementation.LabelOrNotRecorded()}" +
                  (row.NewComment is null ? "" : $", new comment \"{row.NewComment}\"")
                : row.Reason;
            Console.WriteLine($"  row {row.Row} {row.Kind.ToString().ToLowerInvariant()}: {row.Subject}: {what}");
        }
    }
}
