using JiuTracker.Web.Caching;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Recommendations;

/// <summary>
/// Every change to a recommendation: who, when, what, from and to. Readable by every signed-in user, a withdrawn
/// recommendation's only by those who may read withdrawn ones (<see cref="ExportReaders.MayReadWithdrawn"/>).
/// </summary>
public class HistoryModel(JiuDbContext db, KeptReads reads) : PageModel
{
    /// <summary>The recommendation and its changes: read again (and rendered again) once the data has changed.</summary>
    public KeptReads.KeptRead<RecommendationHistory> Read { get; private set; } = null!;

    public Heading Recommendation { get; private set; } = null!;

    public IReadOnlyList<Change> Changes => Read.Value.Changes;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Read = await reads.GetOrReadAsync($"history|{id}", () => ReadAsync(id, ct), history => history.Changes.Count, ct);
        if (Read.Value.Recommendation is not { } heading || (heading.Withdrawn && !ExportReaders.MayReadWithdrawn(User)))
        {
            return NotFound();
        }

        Recommendation = heading;
        return Page();
    }

    private async Task<RecommendationHistory> ReadAsync(int id, CancellationToken ct)
    {
        await db.KeepOpenAsync(ct);
        var heading = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new Heading(r.Id, r.Number, r.Text, r.ReportId, r.Report.Symbol, r.WithdrawnAt != null))
            .SingleOrDefaultAsync(ct);
        if (heading is null)
        {
            return new RecommendationHistory(null, []);
        }

        var changes = await db.History.AsNoTracking()
            .Where(h => h.RecommendationId == id)
            .OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
            .Select(h => new Change(h.ChangedAt, h.ChangedBy, h.Field, h.OldValue, h.NewValue, h.Source, null))
            .ToListAsync(ct);
        var rounds = await AnsweredRounds.ForRecommendationAsync(db, id, ct);
        return new RecommendationHistory(heading, [.. changes.Select(c => c with { Round = rounds.At(c.At) })]);
    }

    /// <param name="Recommendation">Null when no recommendation has the id asked for.</param>
    public sealed record RecommendationHistory(Heading? Recommendation, IReadOnlyList<Change> Changes);

    public sealed record Heading(int Id, int Number, string Text, int ReportId, string ReportSymbol, bool Withdrawn);

    /// <param name="Round">The follow-up round the change answered, if one was asking about the recommendation then.</param>
    public sealed record Change(DateTimeOffset At, string By, HistoryField Field, string? OldValue, string? NewValue, string? Source, AnsweredRounds.AskingRound? Round)
    {
        public string OldLabel => StatusVocabulary.LabelOfCode(Field, OldValue);

        public string NewLabel => StatusVocabulary.LabelOfCode(Field, NewValue);
    }
}
