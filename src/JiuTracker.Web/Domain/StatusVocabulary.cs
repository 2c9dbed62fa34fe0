namespace JiuTracker.Web.Domain;

/// <summary>
/// The one place that names statuses: the labels people read and the codes written to history and exports.
/// </summary>
public static class StatusVocabulary
{
    public static string Label(this Acceptance value) => value switch
    {
        Acceptance.Accepted => "Accepted",
        Acceptance.NotAccepted => "Not accepted",
        Acceptance.NotRelevant => "Not relevant",
        Acceptance.UnderConsideration => "Requires further consideration",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this ImplementationStatus value) => value switch
    {
        ImplementationStatus.NotStarted => "Not started",
        ImplementationStatus.InProgress => "In progress",
        ImplementationStatus.Implemented => "Implemented",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this Addressee value) => value switch
    {
        Addressee.ExecutiveHeads => "Executive heads",
        Addressee.LegislativeBodies => "Legislative/governing bodies",
        Addressee.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this CebCommentsStatus value) => value switch
    {
        CebCommentsStatus.NotYetAvailable => "Not yet available",
        CebCommentsStatus.Available => "Available",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Code(this Acceptance value) => value switch
    {
        Acceptance.Accepted => "accepted",
        Acceptance.NotAccepted => "not-accepted",
        Acceptance.NotRelevant => "not-relevant",
        Acceptance.UnderConsideration => "under-consideration",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Code(this ImplementationStatus value) => value switch
    {
        ImplementationStatus.NotStarted => "not-started",
        ImplementationStatus.InProgress => "in-progress",
        ImplementationStatus.Implemented => "implemented",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Code(this Addressee value) => value switch
    {
        Addressee.ExecutiveHeads => "executive-heads",
        Addressee.LegislativeBodies => "legislative-bodies",
        Addressee.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this HistoryField value) => value switch
    {
        HistoryField.Acceptance => "Acceptance",
        HistoryField.Implementation => "Implementation",
        HistoryField.Comment => "Comment added",
        HistoryField.Withdrawal => "Withdrawal",
        HistoryField.Text => "Text",
        HistoryField.Addressee => "Addressee",
        HistoryField.Deadline => "Deadline",
        HistoryField.Note => "Information-only note",
        HistoryField.EvidenceAttached => "Evidence attached",
        HistoryField.EvidenceWithdrawn => "Evidence withdrawn",
        HistoryField.ImplementationClaim => "Implementation claimed",
        HistoryField.ClosureValidated => "Implementation validated",
        HistoryField.ClaimReturned => "Claim returned",
        _ => value.ToString(),
    };

    public static string LabelOrNotRecorded(this Acceptance? value) => value?.Label() ?? "Not recorded";

    public static string LabelOrNotRecorded(this ImplementationStatus? value) => value?.Label() ?? "Not recorded";

    /// <summary>Turns a code kept in history back into a label; unknown codes are shown as they are.</summary>
    public static string LabelOfCode(HistoryField field, string? code)
    {
        if (code is null)
        {
            return field switch
            {
                HistoryField.Acceptance or HistoryField.Implementation => "Not recorded",
                HistoryField.ImplementationClaim => "No claim",
                _ => "",
            };
        }

        return field switch
        {
            HistoryField.Acceptance => Enum.GetValues<Acceptance>().FirstOrDefault(a => a.Code() == code) is var a && a != 0 ? a.Label() : code,
            HistoryField.Implementation => Enum.GetValues<ImplementationStatus>().FirstOrDefault(i => i.Code() == code) is var i && i != 0 ? i.Label() : code,
            HistoryField.Addressee => Enum.GetValues<Addressee>().FirstOrDefault(a => a.Code() == code) is var a && a != 0 ? a.Label() : code,
            HistoryField.ImplementationClaim when code == ClosureClaims.ClaimedCode => "Implemented, awaiting validation",
            _ => code,
        };
    }

    /// <summary>The acceptance a history code stands for; null for "not recorded".</summary>
    public static Acceptance? AcceptanceFromCode(string? code) =>
        code is null ? null : Enum.GetValues<Acceptance>().Single(a => a.Code() == code);

    /// <summary>The implementation status a history code stands for; null for "not recorded".</summary>
    public static ImplementationStatus? ImplementationFromCode(string? code) =>
        code is null ? null : Enum.GetValues<ImplementationStatus>().Single(i => i.Code() == code);

    /// <summary>
    /// Reads an acceptance typed by a person or written as a code: the label or the code, ignoring case, spaces and
    /// hyphens (" not  accepted", "NOTACCEPTED", "not-accepted"). Empty text and "Not recorded" are true with null.
    /// </summary>
    public static bool TryParseAcceptance(string? text, out Acceptance? value) => TryParse(text, Label, Code, out value);

    /// <summary>Reads an implementation status as <see cref="TryParseAcceptance"/> reads an acceptance.</summary>
    public static bool TryParseImplementation(string? text, out ImplementationStatus? value) => TryParse(text, Label, Code, out value);

    private static bool TryParse<T>(string? text, Func<T, string> label, Func<T, string> code, out T? value)
        where T : struct, Enum
    {
        value = null;
        var key = Comparable(text);
        if (key.Length == 0 || key == Comparable("Not recorded"))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (key == Comparable(label(candidate)) || key == Comparable(code(candidate)))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The text without case, spaces or hyphens, so "In Progress", "in-progress" and "INPROGRESS" compare equal.</summary>
    private static string Comparable(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
}
