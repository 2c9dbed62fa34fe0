namespace JiuTracker.Web.Data;

/// <summary>
/// The one row that says where the data stands: raised in the same transaction by every save that changes anything
/// (<see cref="DataVersionInterceptor"/>), so what pages keep is read again exactly when something changed.
/// </summary>
public sealed class StoredDataVersion
{
    public const int RowId = 1;

    public int Id { get; private set; } = RowId;

    /// <summary>Every save that changed anything.</summary>
    public long Saves { get; private set; }

    /// <summary>The saves that did more than record history on recommendations (status, text and comment changes):
    /// what the dashboard cannot catch up from its kept figures (decision 017).</summary>
    public long SavesBeyondHistory { get; private set; }
}
