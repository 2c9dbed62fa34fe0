using JiuTracker.Web.Caching;
using System.Security.Claims;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Dashboard;

/// <summary>
/// Recommendations someone should act on: no decision, accepted but not started, overdue, or no recent update.
/// Focal points use it with "my reports only"; management without. The list is shown <see cref="PageSize"/> rows at a
/// time; which rows need attention is counted with the dashboard's figures.
/// </summary>
public class AttentionModel(DashboardData data, KeptReads reads, FigureDefinitions definitions, JiuDbContext db, EditableReports editable) : PageModel
{
    public const int PageSize = 50;

    public static IReadOnlyList<Figure> Reasons => FigureDefinitions.AttentionReasons;

    [BindProperty(SupportsGet = true, Name = "")]
    public RecommendationFilter Filter { get; set; } = new();

    /// <summary>The filter form's choices, as read at the data's version (the form is kept under that reading).</summary>
    public KeptReads.KeptRead<FilterOptions> Options { get; private set; } = null!;

    public FigureDefinitions Definitions => definitions;

    public IReadOnlyDictionary<Figure, int> ReasonCounts { get; private set; } = new Dictionary<Figure, int>();

    /// <summary>The page of the list shown, kept with the list it was read from (so rendered once per selection).</summary>
    public KeptReads.KeptRead<IReadOnlyList<Row>>? Shown { get; private set; }

    /// <summary>The page of the list shown, from 1 (<c>?p=2</c>); "page" is taken by Razor Pages' own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many recommendations need attention, on every page.</summary>
    public int Matching { get; private set; }

    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    /// <summary>The reports whose rows link straight to the edit form: the reader's to edit.</summary>
    public EditableReports.Editable Editable { get; private set; } = EditableReports.Editable.None;

    /// <summary>The CSV of the whole list (every page), with the focal points of each recommendation.</summary>
    public string CsvUrl => DashboardLinks.Csv(Filter, Figure.NeedsAttention);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await data.OptionsAsync(ct);
        foreach (var (parameter, message) in Filter.Problems())
        {
            ModelState.AddModelError(parameter, message);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        Editable = await editable.ForAsync(User, ct);
        var needing = await data.NeedingAttentionAsync(Filter, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        var totals = needing.Figures.View.Totals;
        ReasonCounts = Reasons.ToDictionary(reason => reason, reason => totals[reason]);
        Matching = needing.Ids.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var ids = needing.Ids.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        Shown = await reads.GetOrReadAsync($"attention-page|{needing.Id}|{PageNumber}", () => ReadRowsAsync(ids, ct), rows => rows.Count, ct);
    }

    private async Task<IReadOnlyList<Row>> ReadRowsAsync(List<int> ids, CancellationToken ct)
    {
        var facts = await RecommendationFacts.Query(db).AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var reportIds = facts.Values.Select(f => f.ReportId).Distinct().ToList();
        var focalPoints = await db.Reports.Where(r => reportIds.Contains(r.Id)).FocalPointsByReportAsync(ct);
        return [.. ids.Where(facts.ContainsKey).Select(id => new Row(
            facts[id], [.. Reasons.Where(reason => definitions[reason].Matches(facts[id]))], [.. focalPoints[facts[id].ReportId]]))];
    }

    public string RowsUrl(Figure figure) => DashboardLinks.Rows(Url, Filter, figure);

    public sealed record Row(RecommendationFacts Facts, IReadOnlyList<Figure> Reasons, IReadOnlyList<FocalPointName> FocalPoints);
}
