using System.Security.Claims;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Dashboard;

/// <summary>
/// Every row of one of the dashboard's breakdowns (which shows only the first <see cref="Breakdown.RowsOnDashboard"/>),
/// <see cref="PageSize"/> rows a page, counted with the dashboard's figures for the same filter.
/// </summary>
public class BreakdownModel(DashboardData data, FiguresHeading heading) : PageModel
{
    public const int PageSize = 100;

    public const string ByLabel = "Breakdown";

    [BindProperty(SupportsGet = true, Name = "")]
    public RecommendationFilter Filter { get; set; } = new();

    /// <summary>Which breakdown (<c>?by=report</c>, year, addressee, unit, focal-point).</summary>
    [BindProperty(SupportsGet = true, Name = "by")]
    public string? By { get; set; }

    /// <summary>The page of the list shown, from 1 (<c>?p=2</c>); "page" is taken by Razor Pages' own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public KeptReads.KeptRead<FilterOptions> Options { get; private set; } = null!;

    /// <summary>Null when the filter or the breakdown's name could not be used; the reasons are in ModelState.</summary>
    public Breakdown? Shown { get; private set; }

    /// <summary>Names the counting the rows come from, for the kept rendering of this page of them.</summary>
    public string? CountingId { get; private set; }

    /// <summary>When the figures are as of, and the filter in words; null when the filter could not be used.</summary>
    public FiguresHeading.Line? Heading { get; private set; }

    public int PageCount => Shown is null ? 1 : Math.Max(1, (Shown.Rows.Count + PageSize - 1) / PageSize);

    public IReadOnlyList<BreakdownRow> RowsOfThisPage =>
        Shown is null ? [] : [.. Shown.Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await data.OptionsAsync(ct);
        foreach (var (parameter, message) in Filter.Problems())
        {
            ModelState.AddModelError(parameter, message);
        }

        if (!BreakdownNames.TryParse(By, out var kind))
        {
            ModelState.AddModelError(nameof(By), string.IsNullOrWhiteSpace(By)
                ? $"{ByLabel}: say which one, as by= one of {BreakdownNames.Choices}."
                : $"{ByLabel}: there is no breakdown \"{By}\"; choose one of {BreakdownNames.Choices}.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var view = await data.LoadAsync(Filter, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        Shown = view.Breakdowns.Single(b => b.Kind == kind);
        CountingId = view.Id;
        Heading = await heading.ForAsync(Filter, ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
    }

    public Dictionary<string, string> RouteValuesFor(int pageNumber)
    {
        var values = Filter.ToRouteValues();
        values["by"] = Shown!.Kind.Name();
        values["p"] = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
