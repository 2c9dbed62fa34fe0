using System.Security.Claims;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Dashboard;

/// <summary>The recommendations behind one dashboard number, a page at a time, with the CSV export of exactly these rows.</summary>
public class RecommendationsModel(FilteredRecommendations filtered, FigureDefinitions definitions) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "")]
    public RecommendationFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "figure")]
    public string? FigureName { get; set; }

    // "page" is taken by Razor Pages' own route value.
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public Figure Figure { get; private set; }

    public FigureDefinitions.Definition Definition => definitions[Figure];

    public int Count { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string CsvUrl => DashboardLinks.Csv(Filter, Figure);

    public int PageCount => Math.Max(1, (Count + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (FigureNames.TryParse(FigureName, out var figure))
        {
            Figure = figure;
        }
        else
        {
            ModelState.AddModelError("figure", FigureNames.UnknownMessage(FigureName));
        }

        foreach (var (parameter, message) in Filter.Problems())
        {
            ModelState.AddModelError(parameter, message);
        }

        if (PageNumber < 1)
        {
            ModelState.AddModelError("pageNumber", "Pages are numbered from 1.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var query = filtered.Query(Filter, Figure, User.FindFirstValue(ClaimTypes.NameIdentifier)).AsNoTracking();
        Count = await query.CountAsync(ct);
        Rows = await query
            .InListOrder()
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(f => new Row(f.ReportId, f.ReportSymbol, f.Number, f.Addressee, f.Acceptance, f.Implementation, f.DeadlineYear, f.LastChangedAt))
            .ToListAsync(ct);
    }

    public string PageUrl(int page)
    {
        var values = Filter.ToRouteValues().ToDictionary(v => v.Key, v => (object?)v.Value);
        values["figure"] = Figure == Figure.All ? null : Figure.ToString();
        values["pageNumber"] = page;
        return Url.Page("/Dashboard/Recommendations", values)!;
    }

    public sealed record Row(
        int ReportId,
        string ReportSymbol,
        int Number,
        Addressee Addressee,
        Acceptance? Acceptance,
        ImplementationStatus? Implementation,
        int? DeadlineYear,
        DateTimeOffset? LastChangedAt);
}
