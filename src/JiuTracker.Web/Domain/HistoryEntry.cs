namespace JiuTracker.Web.Domain;

/// <summary>One change to a recommendation: immutable, written only by <see cref="Recommendation"/>'s methods.</summary>
public class HistoryEntry
{
    private HistoryEntry()
    {
    }

    internal HistoryEntry(Recommendation recommendation, HistoryField field, string? oldValue, string? newValue, ChangeStamp stamp)
    {
        Recommendation = recommendation;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        ChangedBy = stamp.By;
        ChangedAt = stamp.At;
        Source = stamp.Source;
    }

    public long Id { get; private set; }

    public int RecommendationId { get; private set; }

    public Recommendation Recommendation { get; private set; } = null!;

    public HistoryField Field { get; private set; }

    /// <summary>The status code (see <see cref="StatusVocabulary"/>) or comment text before the change; null when none.</summary>
    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>How the change came in (see <see cref="ChangeStamp.Source"/>); null for a change typed in the app.</summary>
    public string? Source { get; private set; }
}
