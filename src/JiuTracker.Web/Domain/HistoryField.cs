namespace JiuTracker.Web.Domain;

/// <summary>What a history entry records a change of.</summary>
public enum HistoryField
{
    Acceptance = 1,
    Implementation = 2,
    Comment = 3,

    /// <summary>The recommendation was withdrawn; the new value is the reason.</summary>
    Withdrawal = 4,

    /// <summary>An administrator revised the recommendation's text.</summary>
    Text = 5,

    /// <summary>An administrator corrected the addressee; values are <see cref="StatusVocabulary"/> codes.</summary>
    Addressee = 6,

    /// <summary>An administrator corrected the deadline year; values are years.</summary>
    Deadline = 7,

    /// <summary>An administrator set, changed or removed the "for information only" note.</summary>
    Note = 8,

    /// <summary>A file was attached as evidence; the new value names it, its description and effective date.</summary>
    EvidenceAttached = 9,

    /// <summary>A file of evidence was withdrawn; the old value names it, the new value is the reason.</summary>
    EvidenceWithdrawn = 10,

    /// <summary>
    /// A claim of implementation began (new value <c>implemented</c>) or ended (old value <c>implemented</c>): accepted,
    /// returned, or replaced by another status. Read like a status field for the claim as of a day.
    /// </summary>
    ImplementationClaim = 11,

    /// <summary>The implementation counts as validated; the new value says on what basis (evidence, justification, import).</summary>
    ClosureValidated = 12,

    /// <summary>A coordinator returned a claimed implementation; the new value is the reason.</summary>
    ClaimReturned = 13,
}
