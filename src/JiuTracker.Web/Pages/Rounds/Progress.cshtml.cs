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

    public FollowUpRound Round => Rows.Value.Round!;

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

    public RoundFigures.Figures? Figures => Rows.Value.Figures;

    public IReadOnlyList<FrozenFile> Documents => Rows.Value.Documents;

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

    /// <summary>Everything the page shows, read once per data version: a page shown again while nothing changed sends no query.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Rows = await reads.GetOrReadAsync($"round-progress:{id}", () => ReadAsync(id, ct), reading => reading.Rows.Count + 1, ct);
        return Rows.Value.Round is not null;
    }

    private async Task<Reading> ReadAsync(int id, CancellationToken ct)
    {
        if (await db.FollowUpRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round)
        {
            return new Reading(null, [], [], 0, 0, 0, 0, null, []);
        }

        var documents = await db.RoundDocuments.AsNoTracking().Where(d => d.RoundId == id).OrderBy(d => d.Id)
            .Select(d => new FrozenFile(d.Id, d.FileName, d.Size, d.Sha256, d.CreatedAt)).ToListAsync(ct);
        return Reading.Of(round, await progress.RowsAsync(round, ct), await figures.ForAsync(round, ct), documents);
    }

    /// <summary>The round, its rows and what the page says of them, worked out once per reading rather than at every request.</summary>
    /// <param name="Round">Null when there is no such round.</param>
    public sealed record Reading(
        FollowUpRound? Round, IReadOnlyList<RoundProgress.Row> Rows, IReadOnlyList<RoundProgress.Row> Pending, int Asked, int Updated,
        int FocalPoints, int FocalPointsAnswered, RoundFigures.Figures? Figures, IReadOnlyList<FrozenFile> Documents)
    {
        public static Reading Of(FollowUpRound round, IReadOnlyList<RoundProgress.Row> rows, RoundFigures.Figures? figures, IReadOnlyList<FrozenFile> documents)
        {
            var reports = rows.DistinctBy(r => r.ReportId).ToList();
            var focalPoints = rows.Where(r => r.FocalPointId != 0).GroupBy(r => r.FocalPointId).ToList();
            return new Reading(round, rows, [.. rows.Where(r => !r.HasAnswered)], reports.Sum(r => r.Asked), reports.Sum(r => r.Updated),
                focalPoints.Count, focalPoints.Count(g => g.All(r => r.HasAnswered)), figures, documents);
        }
    }

    public sealed record FrozenFile(int Id, string FileName, long Size, string Sha256, DateTimeOffset CreatedAt);
}
