using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Updates;

/// <summary>
/// One recommendation's statuses and new comment as someone filled them in on a form or a sheet that showed it at
/// <see cref="Version"/> with <see cref="ShownAcceptance"/> and <see cref="ShownImplementation"/>. The matrix and the
/// update workbook both apply their rows through <see cref="Apply"/>, so both follow the same rules.
/// </summary>
public sealed record StatusChange(
    Acceptance? Acceptance,
    ImplementationStatus? Implementation,
    string? NewComment,
    int Version,
    Acceptance? ShownAcceptance,
    ImplementationStatus? ShownImplementation)
{
    /// <summary>
    /// Whether the row asks for anything: a new comment, or statuses other than those it showed and than those stored.
    /// </summary>
    public bool AsksForChange(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (!string.IsNullOrWhiteSpace(NewComment))
        {
            return true;
        }

        var leftAsShown = Acceptance == ShownAcceptance && Implementation == ShownImplementation;
        var asStored = Acceptance == recommendation.Acceptance && Implementation == recommendation.StatedImplementation;
        return !leftAsShown && !asStored;
    }

    /// <summary>
    /// Changes the recommendation through its domain methods when the row asks for a change and was filled in on its
    /// stored version (a stated "Implemented" becomes a claim when <paramref name="closure"/> requires validation). A row left as shown is no change, even when someone else changed the recommendation since; a
    /// row that asks for a change on an older version is stale and changes nothing.
    /// </summary>
    public StatusChangeOutcome Apply(Recommendation recommendation, ChangeStamp stamp, ClosureValidation closure)
    {
        if (!AsksForChange(recommendation))
        {
            return StatusChangeOutcome.Unchanged;
        }

        var comment = string.IsNullOrWhiteSpace(NewComment) ? null : NewComment;

        if (Version != recommendation.Version)
        {
            return StatusChangeOutcome.Stale;
        }

        try
        {
            recommendation.UpdateStatus(Acceptance, Implementation, stamp, closure);
            if (comment is not null)
            {
                recommendation.AddComment(comment, stamp);
            }

            return StatusChangeOutcome.Changed;
        }
        catch (DomainRuleException rule)
        {
            return StatusChangeOutcome.Broken(rule.Message);
        }
    }
}

/// <summary>What applying a <see cref="StatusChange"/> did; <see cref="Rule"/> says which rule a refused row broke.</summary>
public sealed record StatusChangeOutcome(StatusChangeKind Kind, string? Rule = null)
{
    public static readonly StatusChangeOutcome Unchanged = new(StatusChangeKind.Unchanged);
    public static readonly StatusChangeOutcome Changed = new(StatusChangeKind.Changed);
    public static readonly StatusChangeOutcome Stale = new(StatusChangeKind.Stale);

    public static StatusChangeOutcome Broken(string rule) => new(StatusChangeKind.RuleBroken, rule);
}

public enum StatusChangeKind
{
    Unchanged,
    Changed,

    /// <summary>Someone else saved the recommendation after the row was filled in: nothing changed.</summary>
    Stale,

    /// <summary>The change breaks a domain rule: nothing changed.</summary>
    RuleBroken,
}
