using System.Security.Claims;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Import;
using JiuTracker.Web.Security;
using JiuTracker.Web.Settings;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Updates;

/// <summary>
/// The round trip's server side, for the upload page and the <c>apply-workbook</c> command alike: stores an uploaded
/// update workbook, previews what each row would do, and applies the rows that change something in one save.
/// Every row goes through <see cref="StatusChange"/> (the matrix's rules) and <see cref="EditableReports"/> (who edits
/// which report), row by row; the preview and the application evaluate the stored file the same way (decision 029).
/// </summary>
public sealed class WorkbookUpdates(JiuDbContext db, EditableReports editableReports, IOptions<ImportOptions> options, IOptions<FollowUpOptions> followUp, OrganizationTime organizationTime)
{
    private const int IdsPerQuery = 1000;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Reads the file and, when it can be read, keeps it for its preview and confirmation.</summary>
    /// <param name="keep">False for a dry run: the upload is read and described, and nothing is stored.</param>
    public async Task<WorkbookUploadOutcome> UploadAsync(Stream file, string fileName, ChangeStamp stamp, CancellationToken ct, bool keep = true)
    {
        var name = Path.GetFileName(fileName);
        var (copy, oversize) = WorkbookPackageGate.Copy(file, name, MaxFileBytes);
        if (copy is null)
        {
            return WorkbookUploadOutcome.Refused($"{oversize} Nothing was changed.");
        }

        var content = copy.ToArray();
        await copy.DisposeAsync();
        var read = UpdateWorkbookReader.Read(content, name, MaxFileBytes);
        if (read.Refusal is not null)
        {
            return WorkbookUploadOutcome.Refused($"{read.Refusal} Nothing was changed.");
        }

        if (read.Lines.Count == 0)
        {
            return WorkbookUploadOutcome.Refused($"{name} has no recommendation rows on its {UpdateSheet.Name} sheet. Nothing was changed.");
        }

        var upload = new WorkbookUpload(name, content, stamp);
        if (keep)
        {
            db.WorkbookUploads.Add(upload);
            await db.SaveChangesAsync(ct);
        }

        return new WorkbookUploadOutcome(upload, read, null);
    }

    /// <summary>What each row would do if applied now; saves nothing.</summary>
    public async Task<WorkbookPreview> PreviewAsync(WorkbookUpload upload, UpdateWorkbookFile read, ClaimsPrincipal user, ChangeStamp stamp, CancellationToken ct) =>
        new(upload, await EvaluateAsync(read, user, stamp, tracked: false, ct));

    /// <summary>
    /// Applies the rows of the user's own upload that change something, with one stamp whose source names the file and
    /// its SHA-256, marks the upload applied and writes the audit entry, all in one save. An upload is applied once:
    /// a second confirmation, even racing the first, changes nothing.
    /// </summary>
    public async Task<WorkbookApplyOutcome> ApplyAsync(int uploadId, ClaimsPrincipal user, ChangeStamp stamp, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var upload = await db.WorkbookUploads.SingleOrDefaultAsync(u => u.Id == uploadId && u.UploadedBy == stamp.By, ct);
            if (upload is null)
            {
                return new WorkbookApplyOutcome(WorkbookApplyResult.NotFound, null);
            }

            if (upload.IsApplied)
            {
                return new WorkbookApplyOutcome(WorkbookApplyResult.AlreadyApplied, new WorkbookPreview(upload, []));
            }

            var read = UpdateWorkbookReader.Read(upload.Content, upload.FileName, MaxFileBytes);
            if (!read.Succeeded)
            {
                // Only a setting changed since the preview (a lower Import:MaxFileBytes) makes the kept file unreadable.
                return new WorkbookApplyOutcome(WorkbookApplyResult.NotFound, null);
            }

            var stamped = stamp with { Source = upload.Source };
            var preview = new WorkbookPreview(upload, await EvaluateAsync(read, user, stamped, tracked: true, ct));
            var changed = preview.Count(WorkbookRowKind.Change);
            upload.MarkApplied(changed, stamped);
            db.RecordAdminChange(stamped, AdminAction.WorkbookApplied, upload.FileName, $"SHA-256 {upload.Sha256}. {preview.Summary()}");
            try
            {
                await db.SaveDetectingChangesOnceAsync(ct);
                return new WorkbookApplyOutcome(WorkbookApplyResult.Applied, preview);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // Another save met this one: read everything again; rows it changed are now conflicts, and a second
                // confirmation of the same upload finds it applied.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new WorkbookApplyOutcome(WorkbookApplyResult.Busy, null);
            }
        }
    }

    private async Task<List<WorkbookRowOutcome>> EvaluateAsync(
        UpdateWorkbookFile file, ClaimsPrincipal user, ChangeStamp stamp, bool tracked, CancellationToken ct)
    {
        var lines = file.Lines;
        var stored = await LoadAsync(lines, tracked, ct);
        var editable = await editableReports.ForAsync(user, ct);
        var firstRowOf = new Dictionary<int, int>();
        var outcomes = new List<WorkbookRowOutcome>(lines.Count);
        foreach (var line in lines)
        {
            outcomes.Add(Evaluate(file, line, stored, editable, firstRowOf, stamp, followUp.Value.Closure, organizationTime));
        }

        return outcomes;
    }

    private static WorkbookRowOutcome Evaluate(
        UpdateWorkbookFile file, UpdateWorkbookLine line, Dictionary<int, Recommendation> stored, EditableReports.Editable editable, Dictionary<int, int> firstRowOf, ChangeStamp stamp, ClosureValidation closure, OrganizationTime time)
    {
        var named = line is { ReportSymbol: { } symbol, Number: { } number } ? $"{symbol} recommendation {number}" : $"row {line.Row}";
        if (line.Problems.Count > 0 || line is not { Id: { } id, Version: { } version })
        {
            var problems = line.Problems.Count > 0 ? string.Join(" ", line.Problems) : $"{RowName(line)}: the hidden columns are incomplete.";
            return Refused(line, named, null, problems);
        }

        if (!stored.TryGetValue(id, out var recommendation))
        {
            return Refused(line, named, null,
                $"{file.Cell(UpdateSheet.Id, line)}: no recommendation has the row id {id}. Download a new workbook; do not change its hidden columns.");
        }

        var subject = $"{recommendation.Report.Symbol} recommendation {recommendation.Number}";
        if (!string.Equals(line.ReportSymbol?.Trim(), recommendation.Report.Symbol, StringComparison.OrdinalIgnoreCase) || line.Number != recommendation.Number)
        {
            return Refused(line, named, recommendation,
                $"{file.Cell(UpdateSheet.Report, line)}: the row says {named}, but its hidden row id is that of {subject}. Keep the Report and Recommendation cells as downloaded.");
        }

        if (!firstRowOf.TryAdd(id, line.Row))
        {
            return Refused(line, subject, recommendation, $"{RowName(line)}: {subject} is also in row {firstRowOf[id]}; keep one row per recommendation.");
        }

        if (line.NewComment is { Length: > Comment.MaxLength })
        {
            return Refused(line, subject, recommendation, $"{file.Cell(UpdateSheet.NewComment, line)}: {Comment.TooLongMessage}");
        }

        var change = new StatusChange(line.Acceptance, line.Implementation, line.NewComment, version, line.DownloadedAcceptance, line.DownloadedImplementation);
        if (!editable.Contains(recommendation.ReportId) && change.AsksForChange(recommendation))
        {
            return Refused(line, subject, recommendation,
                $"{file.Cell(UpdateSheet.Report, line)}: you may not change {recommendation.Report.Symbol}; only its focal points and administrators may.");
        }

        var (storedAcceptance, storedImplementation) = (recommendation.Acceptance, recommendation.StatedImplementation);
        var outcome = change.Apply(recommendation, stamp, closure);
        var kind = outcome.Kind switch
        {
            StatusChangeKind.Changed => WorkbookRowKind.Change,
            StatusChangeKind.Unchanged => WorkbookRowKind.Unchanged,
            StatusChangeKind.Stale => WorkbookRowKind.Conflict,
            _ => WorkbookRowKind.Refused,
        };
        var reason = outcome.Kind switch
        {
            StatusChangeKind.Stale => $"{RowName(line)}: {subject} was changed in the app after the workbook was downloaded" +
                (recommendation.LastChangedAt is { } at ? $" (last on {time.Text(at)})" : "") +
                "; the row is not applied. Record it in the app, or download a new workbook.",
            StatusChangeKind.RuleBroken => $"{file.Cell(UpdateSheet.Acceptance, line)}–{file.Cell(UpdateSheet.Implementation, line)}: {outcome.Rule}",
            _ => null,
        };
        return new WorkbookRowOutcome(line.Row, kind, subject, recommendation.ReportId, storedAcceptance, storedImplementation,
            line.Acceptance, line.Implementation, line.NewComment, reason);
    }

    private static WorkbookRowOutcome Refused(UpdateWorkbookLine line, string subject, Recommendation? recommendation, string reason) =>
        new(line.Row, WorkbookRowKind.Refused, subject, recommendation?.ReportId, recommendation?.Acceptance, recommendation?.StatedImplementation,
            line.Acceptance, line.Implementation, line.NewComment, reason);

    private static string RowName(UpdateWorkbookLine line) => $"{UpdateSheet.Name} row {line.Row}";

    /// <summary>The recommendations the rows name, with their reports, a thousand ids a query.</summary>
    private async Task<Dictionary<int, Recommendation>> LoadAsync(IReadOnlyList<UpdateWorkbookLine> lines, bool tracked, CancellationToken ct)
    {
        var ids = lines.Where(l => l.Id is not null).Select(l => l.Id!.Value).Distinct().ToList();
        var stored = new Dictionary<int, Recommendation>(ids.Count);
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            var query = db.Recommendations.Include(r => r.Report).Where(r => chunk.Contains(r.Id));
            // Untracked, each recommendation gets a report object of its own; only its symbol is read.
            foreach (var recommendation in await (tracked ? query : query.AsNoTracking()).ToListAsync(ct))
            {
                stored[recommendation.Id] = recommendation;
            }
        }

        return stored;
    }
}

/// <summary>A stored upload and its rows, or why the file was refused (then nothing was stored).</summary>
public sealed record WorkbookUploadOutcome(WorkbookUpload? Upload, UpdateWorkbookFile? File, string? Refusal)
{
    public static WorkbookUploadOutcome Refused(string refusal) => new(null, null, refusal);
}

public enum WorkbookApplyResult
{
    Applied,

    /// <summary>The upload was applied before (a second confirmation): nothing changed.</summary>
    AlreadyApplied,

    /// <summary>The user has no upload with that id.</summary>
    NotFound,

    /// <summary>Other saves met this one twice: nothing changed; confirming again retries.</summary>
    Busy,
}

/// <param name="Preview">The rows as applied (for <see cref="WorkbookApplyResult.Applied"/>).</param>
public sealed record WorkbookApplyOutcome(WorkbookApplyResult Result, WorkbookPreview? Preview);
