using System.Diagnostics.CodeAnalysis;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using JiuTracker.Web.Pages.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Reports;

/// <summary>The document's Table 1: every report with its focal points and where its recommendations stand.</summary>
public class IndexModel(JiuDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    [SuppressMessage("Globalization", "CA1304:Specify CultureInfo", Justification = "ToUpper() in a query runs as the database's UPPER().")]
    [SuppressMessage("Globalization", "CA1311:Specify a culture or use an invariant version", Justification = "ToUpper() in a query runs as the database's UPPER().")]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await db.Reports.Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

        var reports = db.Reports.AsNoTracking();
        if (Year is not null)
        {
            reports = reports.Where(r => r.Year == Year);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            // Both sides in capitals: case is ignored on every provider (PostgreSQL's LIKE minds it, SQLite's does not).
            var pattern = TextSearch.ContainsPattern(Search);
            const string escape = TextSearch.EscapeCharacter;
            reports = reports.Where(r =>
                EF.Functions.Like(r.Symbol.ToUpper(), pattern, escape)
                || EF.Functions.Like(r.Title.ToUpper(), pattern, escape)
                || r.FocalPoints.Any(f => EF.Functions.Like(f.Name.ToUpper(), pattern, escape) || EF.Functions.Like(f.Unit.ToUpper(), pattern, escape))
                || r.Recommendations.Any(x => EF.Functions.Like(x.Text.ToUpper(), pattern, escape)
                    || x.Comments.Any(c => EF.Functions.Like(c.Text.ToUpper(), pattern, escape))));
        }

        var listed = await reports
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol)
            .Select(r => new
            {
                r.Id,
                r.Symbol,
                r.Title,
                r.Year,
                r.CebComments,
                FocalPoints = r.FocalPoints.OrderBy(f => f.Name).Select(f => new FocalPointName(f.Title, f.Name, f.Unit)).ToList(),
            })
            .ToListAsync(ct);

        var ids = listed.Select(r => r.Id).ToList();
        var counts = await db.Recommendations.InForce()
            .Where(r => ids.Contains(r.ReportId))
            .GroupBy(r => r.ReportId)
            .Select(g => new
            {
                ReportId = g.Key,
                All = g.Count(),
                Accepted = g.Count(r => r.Acceptance == Acceptance.Accepted),
                Implemented = g.Count(r => r.Implementation == ImplementationStatus.Implemented),
            })
            .ToDictionaryAsync(c => c.ReportId, ct);

        Reports = [.. listed.Select(r => counts.TryGetValue(r.Id, out var c)
            ? new ReportRow(r.Id, r.Symbol, r.Title, r.Year, r.CebComments, r.FocalPoints, c.All, c.Accepted, c.Implemented)
            : new ReportRow(r.Id, r.Symbol, r.Title, r.Year, r.CebComments, r.FocalPoints, 0, 0, 0))];
    }

    public sealed record ReportRow(
        int Id,
        string Symbol,
        string Title,
        int Year,
        CebCommentsStatus CebComments,
        IReadOnlyList<FocalPointName> FocalPoints,
        int Recommendations,
        int Accepted,
        int Implemented);
}
