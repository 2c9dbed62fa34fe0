using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Settings;
using JiuTracker.Web.Trends;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Dashboard;

/// <summary>
/// The dashboard over time, with the dashboard's filters: the rates at the end of each quarter or year, the reports of
/// each year (cohorts), the accepted recommendations still outstanding by age, and the closed follow-up rounds side by side.
/// </summary>
public class TrendsModel(DashboardData dashboard, TrendsData trends, FigureDefinitions definitions, OrganizationTime organizationTime) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public RecommendationFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "")]
    public TrendPeriod Period { get; set; } = new();

    public KeptReads.KeptRead<FilterOptions> Options { get; private set; } = null!;

    public FigureDefinitions Definitions => definitions;

    /// <summary>Null when the filter or the period could not be used; the reasons are in ModelState.</summary>
    public KeptReads.KeptRead<IReadOnlyList<TrendPoint>>? Trend { get; private set; }

    public DashboardView? Now { get; private set; }

    public IReadOnlyDictionary<int, CohortTimes> CohortTimes { get; private set; } = new Dictionary<int, CohortTimes>();

    public IReadOnlyList<AgeBand> Ageing { get; private set; } = [];

    public KeptReads.KeptRead<IReadOnlyList<ClosedRound>>? Rounds { get; private set; }

    /// <summary>The earlier of two closed rounds to compare (its id).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = CompareFromLabel)]
    public int? CompareFrom { get; set; }

    /// <summary>The later of the two.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = CompareToLabel)]
    public int? CompareTo { get; set; }

    public const string CompareFromLabel = "Compare the round";

    public const string CompareToLabel = "with the later round";

    public IReadOnlyList<(int Id, string Name, DateTimeOffset ClosedAt)> RoundChoices { get; private set; } = [];

    public RoundComparison? Comparison { get; private set; }

    /// <summary>The CSV of the rows behind a number as of a past day cannot follow today's assignments.</summary>
    public bool CanExportAsOf => Filter.FocalPoint is null && !Filter.IsMine;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await dashboard.OptionsAsync(ct);
        foreach (var (parameter, message) in Filter.Problems().Concat(Period.Problems(definitions.Today)))
        {
            ModelState.AddModelError(parameter, message);
        }

        Rounds = await trends.ClosedRoundsAsync(ct);
        RoundChoices = (await trends.RoundChoicesAsync(ct)).Value;
        await CompareRoundsAsync(ct);
        if (!ModelState.IsValid)
        {
            return;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Trend = await trends.TrendAsync(Filter, Period, userId, ct);
        Now = await dashboard.LoadAsync(Filter, userId, ct);
        CohortTimes = (await trends.CohortTimesAsync(Filter, userId, ct)).Value;
        Ageing = AgeBands.Count(Now.ByYear, Filter, definitions.Today.Year);
    }

    private async Task CompareRoundsAsync(CancellationToken ct)
    {
        if (CompareFrom is null && CompareTo is null)
        {
            return;
        }

        if (CompareFrom is not { } from || CompareTo is not { } to)
        {
            ModelState.AddModelError(CompareFrom is null ? nameof(CompareFrom) : nameof(CompareTo), "Choose both rounds to compare: the earlier and the later.");
            return;
        }

        var names = RoundChoices.ToDictionary(r => r.Id);
        foreach (var (id, parameter, label) in new[] { (from, nameof(CompareFrom), CompareFromLabel), (to, nameof(CompareTo), CompareToLabel) })
        {
            if (!names.ContainsKey(id))
            {
                ModelState.AddModelError(parameter, $"{label}: no closed follow-up round has the number {id}.");
            }
        }

        if (names.ContainsKey(from) && names.ContainsKey(to))
        {
            var compared = (await trends.CompareRoundsAsync(from, to, ct)).Value;
            Comparison = compared.Count > 0 ? compared[0] : null;
            if (Comparison is null)
            {
                ModelState.AddModelError(nameof(CompareTo), string.Create(CultureInfo.InvariantCulture,
                    $"Compare an earlier round with a later one: \"{names[from].Name}\" closed on {organizationTime.DayText(names[from].ClosedAt)}, \"{names[to].Name}\" on {organizationTime.DayText(names[to].ClosedAt)}."));
            }
        }
    }

    public string RowsUrl(RecommendationFilter filter, Figure figure) => DashboardLinks.Rows(Url, filter, figure);

    /// <summary>The CSV of exactly the rows a trend number counts, as they stood at the end of the day.</summary>
    public string RowsAsOfUrl(DateOnly day, Figure figure) => DashboardLinks.CsvAsOf(Filter, figure, day);

    /// <summary>The history CSV of the filter's report years and report up to the end of the day: the changes a row is rebuilt from.</summary>
    public string HistoryAsOfUrl(DateOnly day)
    {
        var values = new Dictionary<string, string?> { ["asOf"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var (key, value) in Filter.ToRouteValues().Where(v => v.Key is "from" or "to" or "report"))
        {
            values[key] = value;
        }

        return "/export/history.csv" + QueryString.Create(values);
    }

    /// <summary>The period's values, for the filter form to carry along.</summary>
    public IReadOnlyDictionary<string, string> PeriodValues => Period.ToRouteValues();
}
