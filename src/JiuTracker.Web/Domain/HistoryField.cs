namespace JiuTracker.Web.Domain;

/// <summary>What a history entry records a change of.</summary>
public enum HistoryField
{
    Acceptance = 1,
    Implementation = 2,
    Comment = 3,

    /// <summary>The recommendation was withdrawn; the new value is the reason.</summary>
    Withdrawal = 4,
}
