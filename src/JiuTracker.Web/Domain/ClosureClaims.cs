namespace JiuTracker.Web.Domain;

/// <summary>Whether a stated "Implemented" counts at once or waits for a coordinator (<c>FollowUp:ValidateImplementation</c>).</summary>
public enum ClosureValidation
{
    /// <summary>Today's behaviour before validation existed: "Implemented" is recorded at once.</summary>
    NotRequired,

    /// <summary>"Implemented" becomes a claim until a coordinator other than the claimer accepts it.</summary>
    Required,
}

/// <summary>The fixed words and limits of claims of implementation and their validation (decision 032).</summary>
public static class ClosureClaims
{
    /// <summary>The value an <see cref="HistoryField.ImplementationClaim"/> entry gives a pending claim.</summary>
    public const string ClaimedCode = "implemented";

    public const int MaxNoteLength = 2_000;

    /// <summary>Whether <paramref name="user"/> made the claim (user names compared without case): they may not decide on it.</summary>
    public static bool IsClaimer(string? claimedBy, string? user) =>
        claimedBy is not null && string.Equals(claimedBy, user, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the exports' matrices note beside a claim awaiting validation (the Word document as a footnote).</summary>
    public const string AwaitingValidationNote = "Implementation claimed; awaiting validation.";

    /// <summary>What the history says of an Implemented status imported from a legacy document.</summary>
    public const string ImportedCountsAsValidated = "Counts as validated: imported from a legacy document.";

    /// <summary>What the history says of an Implemented status recorded before closures were validated.</summary>
    public const string EarlierCountsAsValidated = "Counts as validated: recorded before implementation claims were validated.";
}
