namespace JiuTracker.Web.Domain;

/// <summary>The organization's decision on a recommendation; "not yet recorded" is a null value.</summary>
public enum Acceptance
{
    Accepted = 1,
    NotAccepted = 2,
    NotRelevant = 3,
    UnderConsideration = 4,
}
