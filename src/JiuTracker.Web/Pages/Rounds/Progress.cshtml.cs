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
    /// <summary>Rows a page shows; the CSV has them all.</summary>
    public const int RowsPerPage = 100;

    public FollowUpRound Round { get; private set; } = null!;

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only the rows of focal points who have not answered.</summary>
    [FromQuery(Name = "pending")]
    public bool PendingOnly { get; set; }

    /// <summary>The rows of this page: the <see cref="PageNumber"/>th hundred, of those not answered when <see cref="PendingOnly"/>.</summary>
    public IReadOnlyList<RoundProgress.Row> Shown { get; private set; } = [];

    public int Matching { get; private set; }

    public int Pages => Math.Max(1, (Matching + RowsPerPage - 1) / RowsPerPage);


    public KeptReads.KeptRead<Reading> Rows { get; private set; } = null!;

    public RoundFigures.Figures? Figures { get; private set; }

    public IReadOnlyList<FrozenFile> Documents { get; private set; } = [];

    public bool MayRun => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Coordinator);


    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var matching = PendingOnly ? Rows.Value.Pending : Rows.Value.Rows;
        Matching = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Shown = [.. matching.Skip((PageNumber - 1) * RowsPerPage).Take(RowsPerPage)];
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
            foreach (var row in Rows.Value.Rows)
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
        Rows = await reads.GetOrReadAsync($"round-progress:{id}", async () => Reading.Of(await progress.RowsAsync(round, ct)), reading => reading.Rows.Count, ct);
        return true;
    }

    /// <summary>The rows and what the page says of them, worked out once per reading rather than at every request.</summary>
    public sealed record Reading(IReadOnlyList<RoundProgress.Row> Rows, IReadOnlyList<RoundProgress.Row> Pending, int Asked, int Updated, int FocalPoints, int FocalPointsAnswered)
    {
        public static Reading Of(IReadOnlyList<RoundProgress.Row> rows)
        {
            var reports = rows.DistinctBy(r => r.ReportId).ToList();
            var focalPoints = rows.Where(r => r.FocalPointId != 0).GroupBy(r => r.FocalPointId).ToList();
            return new Reading(rows, [.. rows.Where(r => !r.HasAnswered)], reports.Sum(r => r.Asked), reports.Sum(r => r.Updated),
                focalPoints.Count, focalPoints.Count(g => g.All(r => r.HasAnswered)));
        }
    }

    public sealed record FrozenFile(int Id, string FileName, long Size, string Sha256, DateTimeOffset CreatedAt);
}
