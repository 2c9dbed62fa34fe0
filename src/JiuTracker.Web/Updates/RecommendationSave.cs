using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Updates;

/// <summary>
/// Saving one recommendation's statuses and new comment, for its edit page and the API alike: refused when it starts
/// from an older version than the stored one, through <see cref="Recommendation.UpdateStatus"/> and
/// <see cref="Recommendation.AddComment"/> (a stated "Implemented" becomes a claim under
/// <c>FollowUp:ValidateImplementation</c>), nothing saved when nothing changes, and one <c>SaveChangesAsync</c>, so
/// the data version is raised as for any save.
/// </summary>
public sealed class RecommendationSave(JiuDbContext db, IOptions<FollowUpOptions> followUp)
{
    /// <param name="recommendation">Tracked by <see cref="db"/>, with its report.</param>
    /// <param name="version">The version the change was made on (the form's, or the API's <c>If-Match</c>).</param>
    public async Task<RecommendationSaveOutcome> SaveAsync(
        Recommendation recommendation, int version, Acceptance? acceptance, ImplementationStatus? implementation, string? newComment, ChangeStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (version != recommendation.Version)
        {
            return RecommendationSaveOutcome.StaleAgainst(recommendation);
        }

        try
        {
            var changed = recommendation.UpdateStatus(acceptance, implementation, stamp, followUp.Value.Closure);
            if (!string.IsNullOrWhiteSpace(newComment))
            {
                recommendation.AddComment(newComment, stamp);
                changed = true;
            }

            if (!changed)
            {
                return RecommendationSaveOutcome.Unchanged;
            }
        }
        catch (DomainRuleException rule)
        {
            return RecommendationSaveOutcome.Broken(rule.Message);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return RecommendationSaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between reading and writing: what it stored is the answer.
            db.ChangeTracker.Clear();
            var stored = await db.Recommendations.AsNoTracking().Include(r => r.Report).Include(r => r.Comments).SingleAsync(r => r.Id == recommendation.Id, ct);
            return RecommendationSaveOutcome.StaleAgainst(stored);
        }
    }
}

/// <summary>What <see cref="RecommendationSave"/> did.</summary>
/// <param name="Stored">For <see cref="RecommendationSaveResult.Stale"/>: the recommendation as stored now.</param>
/// <param name="Rule">For <see cref="RecommendationSaveResult.RuleBroken"/>: the rule's message, for the user.</param>
public sealed record RecommendationSaveOutcome(RecommendationSaveResult Result, Recommendation? Stored = null, string? Rule = null)
{
    public static readonly RecommendationSaveOutcome Saved = new(RecommendationSaveResult.Saved);
    public static readonly RecommendationSaveOutcome Unchanged = new(RecommendationSaveResult.Unchanged);

    public static RecommendationSaveOutcome StaleAgainst(Recommendation stored) => new(RecommendationSaveResult.Stale, stored);

    public static RecommendationSaveOutcome Broken(string rule) => new(RecommendationSaveResult.RuleBroken, Rule: rule);
}

public enum RecommendationSaveResult
{
    Saved,

    /// <summary>The statuses are as stored and no comment was written: nothing was saved.</summary>
    Unchanged,

    /// <summary>Someone else saved the recommendation after the version the change was made on: nothing was saved.</summary>
    Stale,

    /// <summary>The change breaks a domain rule: nothing was saved.</summary>
    RuleBroken,
}
