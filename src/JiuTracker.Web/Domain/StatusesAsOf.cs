using System.Linq.Expressions;

namespace JiuTracker.Web.Domain;

/// <summary>A change of a status (acceptance, implementation, a claim of implementation), as the history recorded it.</summary>
/// <param name="OldValue">The status code before the change (see <see cref="StatusVocabulary"/>); null when none.</param>
public readonly record struct RecordedStatusChange(HistoryField Field, DateTimeOffset At, string? OldValue);

/// <summary>
/// A recommendation's statuses at a past moment, rebuilt from its history: the rule every "as of" view, export and trend
/// follows. The first change of each status after the moment holds, as its old value, the status at the moment; a
/// status not changed since is still the one recorded today.
/// </summary>
public readonly record struct StatusesAsOf(Acceptance? Acceptance, ImplementationStatus? Implementation, bool ImplementationClaimed)
{
    /// <summary>The history entries the rule reads, as a query's predicate.</summary>
    public static readonly Expression<Func<HistoryEntry, bool>> IsStatusChange = h =>
        h.Field == HistoryField.Acceptance || h.Field == HistoryField.Implementation || h.Field == HistoryField.ImplementationClaim;

    /// <param name="today">The statuses recorded now.</param>
    /// <param name="changesSince">The status changes at or after the moment, oldest first.</param>
    public static StatusesAsOf Rebuild(StatusesAsOf today, IEnumerable<RecordedStatusChange> changesSince)
    {
        bool acceptanceFound = false, implementationFound = false, claimFound = false;
        var (acceptance, implementation, claimed) = today;
        foreach (var change in changesSince)
        {
            switch (change.Field)
            {
                case HistoryField.Acceptance when !acceptanceFound:
                    acceptance = StatusVocabulary.AcceptanceFromCode(change.OldValue);
                    acceptanceFound = true;
                    break;
                case HistoryField.Implementation when !implementationFound:
                    implementation = StatusVocabulary.ImplementationFromCode(change.OldValue);
                    implementationFound = true;
                    break;
                case HistoryField.ImplementationClaim when !claimFound:
                    claimed = change.OldValue is not null;
                    claimFound = true;
                    break;
            }

            if (acceptanceFound && implementationFound && claimFound)
            {
                break;
            }
        }

        return new(acceptance, implementation, claimed);
    }
}
