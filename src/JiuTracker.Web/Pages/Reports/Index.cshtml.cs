using JiuTracker.Web.Caching;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using JiuTracker.Web.Pages.ReadModels;
using JiuTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Reports;

/// <summary>
/// The document's Table 1: every report with its focal points and where its recommendations stand, a page of
/// <see cref="PageSize"/> reports at a time so the page costs the same however many reports there are.
/// </summary>
public class IndexModel(JiuDbContext db, DashboardData dashboard, KeptReads reads, EditableReports editable) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>Only the reports the signed-in user is a focal point of (<c>?mine=true</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>The reports the signed-in user is a focal point of, marked in the list; empty for other roles.</summary>
    public IReadOnlySet<int> OwnReportIds { get; private set; } = new HashSet<int>();

    /// <summary>Whose list this is, as far as its marks and the "mine" filter go: the page is kept once per such reader.</summary>
    public string? Reader { get; private set; }

    /// <summary>The page of the list shown, from 1 (<c>?p=2</c>); "page" is taken by Razor Pages' own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The page of reports shown, read again (and rendered again) only once the data has changed.</summary>
    public KeptReads.KeptRead<ReportsPage> Listed { get; private set; } = null!;

    public ReportsPage Shown => Listed.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The years and their numbers of reports are kept until the data changes (they are the dashboard filter's too).
        var options = (await dashboard.OptionsAsync(ct)).Value;
        Years = options.Years;
        var search = string.IsNullOrWhiteSpace(Search) ? null : Search;
        var withdrawn = ExportReaders.MayReadWithdrawn(User);
        if (User.IsInRole(Roles.FocalPoint))
        {
            Reader = User.FindFirstValue(ClaimTypes.NameIdentifier);
            OwnReportIds = (await editable.AssignedTo(User).ToListAsync(ct)).ToHashSet();
        }

        var mineOf = Mine ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        Listed = await reads.GetOrReadAsync(
            $"reports|{Year}|{PageNumber}|{withdrawn}|{mineOf}|{search}", () => ReadPageAsync(options, search, withdrawn, mineOf, ct), page => page.Rows.Count, ct);
    }

    [SuppressMessage("Globalization", "CA1304:Specify CultureInfo", Justification = "ToUpper() in a query runs as the database's UPPER().")]
    [SuppressMessage("Globalization", "CA1311:Specify a culture or use an invariant version", Justification = "ToUpper() in a query runs as the database's UPPER().")]
    /// <param name="mineOf">The user whose reports alone are listed, or null for all.</param>
    private async Task<ReportsPage> ReadPageAsync(FilterOptions options, string? search, bool searchWithdrawn, string? mineOf, CancellationToken ct)
    {
        await db.KeepOpenAsync(ct);
        var reports = db.Reports.AsNoTracking();
        if (Year is not null)
        {
            reports = reports.Where(r => r.Year == Year);
        }

        if (mineOf is not null)
        {
            var own = editable.AssignedTo(User);
            reports = reports.Where(r => own.Contains(r.Id));
        }

        if (search is not null)
        {
            // Both sides in capitals: case is ignored on every provider (PostgreSQL's LIKE minds it, SQLite's does not).
            var pattern = TextSearch.ContainsPattern(search);
            const string escape = TextSearch.EscapeCharacter;
            reports = reports.Where(r =>
                EF.Functions.Like(r.Symbol.ToUpper(), pattern, escape)
                || EF.Functions.Like(r.Title.ToUpper(), pattern, escape)
                || r.FocalPoints.Any(f => EF.Functions.Like(f.Name.ToUpper(), pattern, escape) || EF.Functions.Like(f.Unit.ToUpper(), pattern, escape))
                || r.Recommendations.Any(x => (searchWithdrawn || x.WithdrawnAt == null)
                    && (EF.Functions.Like(x.Text.ToUpper(), pattern, escape)
                        || x.Comments.Any(c => EF.Functions.Like(c.Text.ToUpper(), pattern, escape)))));
        }

        var matching = search is not null || mineOf is not null ? await reports.CountAsync(ct)
            : Year is { } year ? options.ReportsPerYear.GetValueOrDefault(year)
            : options.ReportsPerYear.Values.Sum();
        var pageNumber = Math.Clamp(PageNumber, 1, ReportsPage.PageCountOf(matching));
        // The counts as sub-queries of the page's own query: one round trip for the page of reports, one for their focal points.
        var listed = await reports
            .InListOrder()
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
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

        var listedIds = listed.Select(r => r.Id).ToList();
        var focalPoints = await db.Reports.Where(r => listedIds.Contains(r.Id)).FocalPointsByReportAsync(ct);
        return new ReportsPage(matching, pageNumber, [.. listed.Select(r => new ReportRow(
            r.Id, r.Symbol, r.Title, r.Year, r.CebComments, [.. focalPoints[r.Id]], r.All, r.Accepted, r.Implemented))]);
    }

    /// <param name="Matching">How many reports match, on every page.</param>
    /// <param name="PageNumber">The page shown: the one asked for, within the pages there are.</param>
    public sealed record ReportsPage(int Matching, int PageNumber, IReadOnlyList<ReportRow> Rows)
    {
        public int PageCount => PageCountOf(Matching);

        public static int PageCountOf(int matching) => Math.Max(1, (matching + PageSize - 1) / PageSize);
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
