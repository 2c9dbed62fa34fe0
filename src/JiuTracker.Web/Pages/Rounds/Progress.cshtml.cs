using System.Globalization;
using CsvHelper;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Rounds;

/// <summary>
/// A round's progress per report and focal point: how many of the recommendations it asked about were updated since
/// it opened, who has not answered, the last reminder; as a page and as CSV. A closed round adds its figures and the
/// frozen document and workbook.
/// </summary>
public class ProgressModel(JiuDbContext db, KeptReads reads, RoundProgress progress, RoundFigures figures) : PageModel
{
    public FollowUpRound Round { get; private set; } = null!;

    public KeptReads.KeptRead<IReadOnlyList<RoundProgress.Row>> Rows { get; private set; } = null!;

    public RoundFigures.Figures? Figures { get; private set; }

    public IReadOnlyList<FrozenFile> Documents { get; private set; } = [];

    public bool MayRun => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Coordinator);

    public int Asked => Rows.Value.DistinctBy(r => r.ReportId).Sum(r => r.Asked);

    public int Updated => Rows.Value.DistinctBy(r => r.ReportId).Sum(r => r.Updated);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Figures = await figures.ForAsync(Round, ct);
        Documents = await db.RoundDocuments.AsNoTracking().Where(d => d.RoundId == id).OrderBy(d => d.Id)
            .Select(d => new FrozenFile(d.Id, d.FileName, d.Size, d.Sha256, d.CreatedAt)).ToListAsync(ct);
        return Page();
    }

    /// <summary>The page's table as CSV: one row per report and focal point.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            await csv.WriteRecordAsync(ProgressCsvHeader, ct);
            foreach (var row in Rows.Value)
            {
                await csv.WriteRecordAsync(
                [
                    row.ReportSymbol,
                    row.FocalPoint,
                    row.Email ?? "",
                    row.Asked.ToString(CultureInfo.InvariantCulture),
                    row.Updated.ToString(CultureInfo.InvariantCulture),
                    row.Remaining.ToString(CultureInfo.InvariantCulture),
                    row.HasAnswered ? "yes" : "no",
                    row.LastReminder?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
                ], ct);
            }

            await csv.FlushAsync(ct);
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"round-{id}-progress.csv");
    }
    public static readonly string[] ProgressCsvHeader = ["report_symbol", "focal_point", "email", "asked", "updated", "remaining", "answered", "last_reminder"];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.FollowUpRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round)
        {
            return false;
        }

        Round = round;
        Rows = await reads.GetOrReadAsync($"round-progress:{id}", () => progress.RowsAsync(round, ct), rows => rows.Count, ct);
        return true;
    }

    public sealed record FrozenFile(int Id, string FileName, long Size, string Sha256, DateTimeOffset CreatedAt);
}
