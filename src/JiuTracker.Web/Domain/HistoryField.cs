namespace JiuTracker.Web.Domain;

/// <summary>What a history entry records a change of.</summary>
public enum HistoryField
{
    Acceptance = 1,
    Implementation = 2,
    Comment = 3,
}
