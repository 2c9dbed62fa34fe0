using System.Diagnostics.CodeAnalysis;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using JiuTracker.Web.Pages.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Reports;

/// <summary>
/// The document's Table 1: every report with its focal points and where its recommendations stand, a page of
/// <see cref="PageSize"/> reports at a time so the page costs the same however many reports there are.
/// </summary>
public class IndexModel(JiuDbContext db, DashboardData dashboard) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The page of the list shown, from 1 (<c>?p=2</c>); "page" is taken by Razor Pages' own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>How many reports match, on every page.</summary>
    public int Matching { get; private set; }

    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    [SuppressMessage("Globalization", "CA1304:Specify CultureInfo", Justification = "ToUpper() in a query runs as the database's UPPER().")]
    [SuppressMessage("Globalization", "CA1311:Specify a culture or use an invariant version", Justification = "ToUpper() in a query runs as the database's UPPER().")]
    public async Task OnGetAsync(CancellationToken ct)
    {
        await db.KeepOpenAsync(ct);
        // The years and their numbers of reports are kept until the data changes (they are the dashboard filter's too).
        var options = await dashboard.OptionsAsync(ct);
        Years = options.Years;

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

        Matching = !string.IsNullOrWhiteSpace(Search) ? await reports.CountAsync(ct)
            : Year is { } year ? options.ReportsPerYear.GetValueOrDefault(year)
            : options.ReportsPerYear.Values.Sum();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        // The counts as sub-queries of the page's own query: one round trip for the page of reports, one for their focal points.
        var listed = await reports
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id,
                r.Symbol,
                r.Title,
                r.Year,
                r.CebComments,
                All = r.Recommendations.AsQueryable().Where(RecommendationQueries.IsInForce).Count(),
                Accepted = r.Recommendations.AsQueryable().Where(RecommendationQueries.IsInForce).Count(x => x.Acceptance == Acceptance.Accepted),
                Implemented = r.Recommendations.AsQueryable().Where(RecommendationQueries.IsInForce).Count(x => x.Implementation == ImplementationStatus.Implemented),
            })
            .ToListAsync(ct);

        var focalPoints = await FocalPointName.OfReportsAsync(db, [.. listed.Select(r => r.Id)], ct);
        Reports = [.. listed.Select(r => new ReportRow(
            r.Id, r.Symbol, r.Title, r.Year, r.CebComments, [.. focalPoints[r.Id]], r.All, r.Accepted, r.Implemented))];
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
