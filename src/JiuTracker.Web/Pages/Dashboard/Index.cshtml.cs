using JiuTracker.Web.Caching;
using System.Security.Claims;
using JiuTracker.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Dashboard;

/// <summary>Where the organization stands on JIU recommendations; every number links to the rows behind it.</summary>
public class IndexModel(DashboardData data, FigureDefinitions definitions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public RecommendationFilter Filter { get; set; } = new();

    /// <summary>The filter form's choices, as read at the data's version (the form is kept under that reading).</summary>
    public KeptReads.KeptRead<FilterOptions> Options { get; private set; } = null!;

    public FigureDefinitions Definitions => definitions;

    /// <summary>Null when the filter could not be used; the reasons are in ModelState.</summary>
    public DashboardView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await data.OptionsAsync(ct);
        foreach (var (parameter, message) in Filter.Problems())
        {
            ModelState.AddModelError(parameter, message);
        }

        if (ModelState.IsValid)
        {
            View = await data.LoadAsync(Filter, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        }
    }

    public string RowsUrl(RecommendationFilter filter, Figure figure) => DashboardLinks.Rows(Url, filter, figure);
}
