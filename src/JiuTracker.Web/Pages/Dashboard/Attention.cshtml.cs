using System.Security.Claims;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Dashboard;

/// <summary>
/// Recommendations someone should act on: no decision, accepted but not started, overdue, or no recent update.
/// Focal points use it with "my reports only"; management without.
/// </summary>
public class AttentionModel(FilteredRecommendations filtered, FigureDefinitions definitions, JiuDbContext db) : PageModel
{
    public static readonly IReadOnlyList<Figure> Reasons = [Figure.NoDecision, Figure.AcceptedNotStarted, Figure.Overdue, Figure.NoRecentUpdate];

    [BindProperty(SupportsGet = true, Name = "")]
    public RecommendationFilter Filter { get; set; } = new();

    public FilterOptions Options { get; private set; } = null!;

    public FigureDefinitions Definitions => definitions;

    public IReadOnlyDictionary<Figure, int> ReasonCounts { get; private set; } = new Dictionary<Figure, int>();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await FilterOptions.LoadAsync(db, ct);
        foreach (var (parameter, message) in Filter.Problems())
        {
            ModelState.AddModelError(parameter, message);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var facts = await filtered.Query(Filter, Figure.All, User.FindFirstValue(ClaimTypes.NameIdentifier))
            .AsNoTracking()
            .OrderByDescending(f => f.ReportYear).ThenBy(f => f.ReportSymbol).ThenBy(f => f.Number)
            .ToListAsync(ct);
        ReasonCounts = Reasons.ToDictionary(reason => reason, reason => facts.Count(definitions[reason].Matches));
        Rows = [.. facts
            .Select(f => new Row(f, [.. Reasons.Where(reason => definitions[reason].Matches(f))]))
            .Where(row => row.Reasons.Count > 0)];
    }

    public string RowsUrl(Figure figure) => DashboardLinks.Rows(Url, Filter, figure);

    public sealed record Row(RecommendationFacts Facts, IReadOnlyList<Figure> Reasons);
}
