using JiuTracker.Web.Caching;
using System.Security.Claims;
using JiuTracker.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using JiuTracker.Web.Settings;

namespace JiuTracker.Web.Pages.Dashboard;

/// <summary>Where the organization stands on JIU recommendations; every number links to the rows behind it.</summary>
public class IndexModel(DashboardData data, FigureDefinitions definitions, FiguresHeading heading, IOptions<OrganizationOptions> organization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public RecommendationFilter Filter { get; set; } = new();

    /// <summary>The filter form's choices, as read at the data's version (the form is kept under that reading).</summary>
    public KeptReads.KeptRead<FilterOptions> Options { get; private set; } = null!;

    public FigureDefinitions Definitions => definitions;

    /// <summary>Null when the filter could not be used; the reasons are in ModelState.</summary>
    public DashboardView? View { get; private set; }

    /// <summary>When the figures are as of, and the filter in words; null when the filter could not be used.</summary>
    public FiguresHeading.Line? Heading { get; private set; }

    public string Organization => organization.Value.ShortName;

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
            Heading = await heading.ForAsync(Filter, ct);
        }
    }

    public string RowsUrl(RecommendationFilter filter, Figure figure) => DashboardLinks.Rows(Url, filter, figure);
}
