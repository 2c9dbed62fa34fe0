namespace JiuTracker.Web.Domain;

/// <summary>
/// A numbered recommendation of a report with the organization's acceptance, implementation and comments.
/// Its statuses change only through its methods, and each change leaves a <see cref="HistoryEntry"/>.
/// </summary>
public class Recommendation
{
    private readonly List<Comment> _comments = [];
    private readonly List<HistoryEntry> _history = [];
    private readonly List<EvidenceFile> _evidence = [];

    private Recommendation()
    {
    }

    internal Recommendation(Report report, int number, string text, Addressee addressee, int? deadlineYear, string? informationOnlyNote)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Report = report;
        Number = number;
        Text = text.Trim();
        Addressee = addressee;
        DeadlineYear = deadlineYear;
        InformationOnlyNote = NoteOrNull(informationOnlyNote);
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public Report Report { get; private set; } = null!;

    /// <summary>The number the JIU gave it; unique within its report, not necessarily contiguous.</summary>
    public int Number { get; private set; }

    public string Text { get; private set; } = "";

    public Addressee Addressee { get; private set; }

    public int? DeadlineYear { get; private set; }

    /// <summary>Set when the recommendation concerns the organization for information only (no acceptance is recorded).</summary>
    public string? InformationOnlyNote { get; private set; }

    public Acceptance? Acceptance { get; private set; }

    public ImplementationStatus? Implementation { get; private set; }

    /// <summary>
    /// When it was registered in JiuTracker, set by the data layer when it is first saved unless set already (an import
    /// registers it as of the day its document states, <see cref="RecordImported"/>); null for recommendations
    /// registered before this was kept and with no history to tell.
    /// </summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>Set when an administrator withdrew it: it stays in the history and exports, out of matrices and figures.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Grows with every change; a save that started from an older version is refused.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The time of the latest history entry (null before the first), kept with the recommendation so that "no recent
    /// update" is counted without reading the history.
    /// </summary>
    public DateTimeOffset? LastChangedAt { get; private set; }

    /// <summary>
    /// Set while a claim of implementation awaits a coordinator's decision (decision 032): when and by whom "Implemented"
    /// was stated. <see cref="Implementation"/> keeps the validated status meanwhile, so every figure and export counts
    /// only validated closures.
    /// </summary>
    public DateTimeOffset? ClaimedAt { get; private set; }

    public string? ClaimedBy { get; private set; }

    /// <summary>The latest claim a coordinator returned, shown to the focal points until the status changes again.</summary>
    public DateTimeOffset? ClaimReturnedAt { get; private set; }

    public string? ClaimReturnedBy { get; private set; }

    public string? ClaimReturnReason { get; private set; }

    public bool IsImplementationClaimed => ClaimedAt is not null;

    /// <summary>
    /// The implementation status as the focal point stated it: Implemented while a claim awaits validation, otherwise
    /// the recorded one. Forms show it and compare with it, so saving a form left as shown keeps the claim.
    /// </summary>
    public ImplementationStatus? StatedImplementation => IsImplementationClaimed ? Domain.ImplementationStatus.Implemented : Implementation;

    public IReadOnlyCollection<Comment> Comments => _comments;

    public IReadOnlyCollection<HistoryEntry> History => _history;

    /// <summary>The files attached as evidence, withdrawn ones included; loaded only when asked for.</summary>
    public IReadOnlyCollection<EvidenceFile> Evidence => _evidence;

    public bool IsInformationOnly => InformationOnlyNote is not null;

    /// <summary>Problems in the recorded data that are kept as recorded and shown, never silently corrected.</summary>
    public IReadOnlyList<string> DataQualityWarnings => DataQuality.WarningsFor(Acceptance, Implementation);

    /// <summary>
    /// Records statuses exactly as a legacy document states them, even where they break the rules of
    /// <see cref="UpdateStatus"/> (they then show as data-quality warnings). The recommendation counts as registered at
    /// the stamp's moment, the day the document states its statuses as of, so that its history is never older than it.
    /// </summary>
    public void RecordImported(Acceptance? acceptance, ImplementationStatus? implementation, string? comment, ChangeStamp stamp)
    {
        RegisteredAt = stamp.At;
        SetAcceptance(acceptance, stamp);
        SetImplementation(implementation, stamp);
        if (implementation == Domain.ImplementationStatus.Implemented)
        {
            Record(HistoryField.ClosureValidated, null, ClosureClaims.ImportedCountsAsValidated, stamp);
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            AddComment(comment, stamp);
        }
    }

    /// <summary>
    /// Sets acceptance and implementation together. Implementation can only be recorded on an accepted
    /// recommendation; a state that breaks this and is left unchanged (legacy data) is kept as it is. When closures
    /// are validated, "Implemented" becomes a claim awaiting a coordinator (<see cref="AcceptClaim"/>,
    /// <see cref="ReturnClaim"/>); any other status stated while a claim waits ends the claim.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool UpdateStatus(Acceptance? acceptance, ImplementationStatus? implementation, ChangeStamp stamp, ClosureValidation closure)
    {
        if (acceptance == Acceptance && implementation == StatedImplementation)
        {
            return false;
        }

        if (IsWithdrawn)
        {
            throw new DomainRuleException($"Recommendation {Number} was withdrawn; its statuses can no longer change.");
        }

        if (IsInformationOnly)
        {
            throw new DomainRuleException(
                $"Recommendation {Number} is for information only: no acceptance or implementation is recorded for it.");
        }

        if (implementation is not null && acceptance != Domain.Acceptance.Accepted)
        {
            throw new DomainRuleException(
                $"Implementation can only be recorded on an accepted recommendation; recommendation {Number} would be " +
                $"\"{acceptance.LabelOrNotRecorded()}\". Set the implementation status to \"Not recorded\" or accept the recommendation.");
        }

        SetAcceptance(acceptance, stamp);
        var claims = implementation == Domain.ImplementationStatus.Implemented && Implementation != implementation
            && closure == ClosureValidation.Required;
        if (claims)
        {
            if (!IsImplementationClaimed)
            {
                Record(HistoryField.ImplementationClaim, null, ClosureClaims.ClaimedCode, stamp);
                ClaimedAt = stamp.At;
                ClaimedBy = stamp.By;
            }
        }
        else
        {
            EndClaim(stamp);
            SetImplementation(implementation, stamp);
        }

        ClearReturnedClaim();
        return true;
    }

    /// <summary>
    /// A coordinator validates the claimed implementation: the recommendation becomes Implemented, with who and when in
    /// the history. Never by whoever claimed it; without evidence in force only with a written justification. Needs
    /// <see cref="Evidence"/> loaded with its withdrawals.
    /// </summary>
    public void AcceptClaim(string? justification, ChangeStamp stamp)
    {
        RefuseDecisionWithoutClaimOrBy(stamp, "accept");
        var note = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        var evidence = _evidence.Count(e => !e.IsWithdrawn);
        if (note is null && evidence == 0)
        {
            throw new DomainRuleException(
                $"Recommendation {Number} has no evidence in force: write the justification for accepting its implementation without evidence.");
        }

        RefuseTooLong(note, "justification");
        var basis = evidence == 1 ? "on the evidence of 1 file" : $"on the evidence of {evidence} files";
        Record(HistoryField.ClosureValidated, null, note is null ? $"Validated {basis}." : $"Validated {basis}: {note}", stamp);
        EndClaim(stamp);
        SetImplementation(Domain.ImplementationStatus.Implemented, stamp);
    }

    /// <summary>
    /// A coordinator returns the claimed implementation with the reason: the recorded status stays what it was before
    /// the claim, and the focal points see the reason until they change the status again.
    /// </summary>
    public void ReturnClaim(string? reason, ChangeStamp stamp)
    {
        RefuseDecisionWithoutClaimOrBy(stamp, "return");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException($"Give the reason for returning the claimed implementation of recommendation {Number}: the focal point reads it.");
        }

        var note = reason.Trim();
        RefuseTooLong(note, "reason");
        Record(HistoryField.ClaimReturned, null, note, stamp);
        EndClaim(stamp);
        ClaimReturnedAt = stamp.At;
        ClaimReturnedBy = stamp.By;
        ClaimReturnReason = note;
    }

    /// <summary>Takes the recommendation out of follow-up; it is never deleted, so its history stays.</summary>
    public void Withdraw(string reason, ChangeStamp stamp)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException($"Give the reason for withdrawing recommendation {Number}.");
        }

        if (IsWithdrawn)
        {
            throw new DomainRuleException($"Recommendation {Number} is already withdrawn.");
        }

        WithdrawnAt = stamp.At;
        WithdrawalReason = reason.Trim();
        Record(HistoryField.Withdrawal, null, WithdrawalReason, stamp);
    }

    /// <summary>
    /// An administrator corrects the wording, addressee, deadline or "for information only" note; each changed field
    /// leaves a history entry with its old and new value.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Revise(string text, Addressee addressee, int? deadlineYear, string? informationOnlyNote, ChangeStamp stamp)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException($"Recommendation {Number} needs its text.");
        }

        var newText = text.Trim();
        var newNote = NoteOrNull(informationOnlyNote);
        if (newText == Text && addressee == Addressee && deadlineYear == DeadlineYear && newNote == InformationOnlyNote)
        {
            return false;
        }

        if (IsWithdrawn)
        {
            throw new DomainRuleException($"Recommendation {Number} was withdrawn; it can no longer be revised.");
        }

        if (deadlineYear is { } year && !RecommendationText.IsPlausibleDeadlineYear(year))
        {
            throw new DomainRuleException(
                $"The deadline of recommendation {Number} must be a year from {RecommendationText.EarliestDeadlineYear} to {RecommendationText.LatestDeadlineYear}, not {year}.");
        }

        if (newNote is not null && InformationOnlyNote is null && (Acceptance is not null || Implementation is not null))
        {
            throw new DomainRuleException(
                $"Recommendation {Number} has an acceptance or implementation status recorded, so it cannot become \"for information only\". " +
                "Have its statuses set to \"Not recorded\" first.");
        }

        if (newText != Text)
        {
            Record(HistoryField.Text, Text, newText, stamp);
            Text = newText;
        }

        if (addressee != Addressee)
        {
            Record(HistoryField.Addressee, Addressee.Code(), addressee.Code(), stamp);
            Addressee = addressee;
        }

        if (deadlineYear != DeadlineYear)
        {
            Record(HistoryField.Deadline, YearText(DeadlineYear), YearText(deadlineYear), stamp);
            DeadlineYear = deadlineYear;
        }

        if (newNote != InformationOnlyNote)
        {
            Record(HistoryField.Note, InformationOnlyNote, newNote, stamp);
            InformationOnlyNote = newNote;
        }

        return true;
    }

    public Comment AddComment(string text, ChangeStamp stamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var comment = new Comment(this, text.Trim(), stamp);
        _comments.Add(comment);
        Record(HistoryField.Comment, null, comment.Text, stamp);
        return comment;
    }

    /// <summary>
    /// Attaches a file whose type was checked from its content, with what it is and when it takes effect (today or
    /// earlier); the history records it.
    /// </summary>
    public EvidenceFile AttachEvidence(CheckedFile file, string? description, DateOnly? effectiveOn, ChangeStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (IsWithdrawn)
        {
            throw new DomainRuleException($"Recommendation {Number} was withdrawn; no evidence can be attached to it.");
        }

        var problems = EvidenceProblems(description, effectiveOn, DateOnly.FromDateTime(stamp.At.UtcDateTime));
        if (problems.Count > 0)
        {
            throw new DomainRuleException(string.Join(" ", problems.Select(p => p.Message)));
        }

        var evidence = new EvidenceFile(this, file, description!.Trim(), effectiveOn!.Value, stamp);
        _evidence.Add(evidence);
        Record(HistoryField.EvidenceAttached, null,
            $"{evidence.HistoryName}: {evidence.Description} (takes effect {evidence.EffectiveOn:yyyy-MM-dd})", stamp);
        return evidence;
    }

    /// <summary>What is wrong with a description and effective date given for evidence, each with the field it concerns.</summary>
    public static IReadOnlyList<(string Field, string Message)> EvidenceProblems(string? description, DateOnly? effectiveOn, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(description))
        {
            problems.Add(("Description", "Describe the file (what it is, what it supports)."));
        }
        else if (description.Trim().Length > EvidenceFile.MaxDescriptionLength)
        {
            problems.Add(("Description", $"The description may have at most {EvidenceFile.MaxDescriptionLength} characters; it has {description.Trim().Length}."));
        }

        if (effectiveOn is not { } date)
        {
            problems.Add(("EffectiveOn", "Give the date the file takes effect (it may be before today)."));
        }
        else if (date > today)
        {
            problems.Add(("EffectiveOn", $"The date the file takes effect cannot be in the future: {date:yyyy-MM-dd} is after today, {today:yyyy-MM-dd}."));
        }

        return problems;
    }

    /// <summary>Withdraws a wrong file with the reason: it is never deleted, and the history records the withdrawal.</summary>
    public void WithdrawEvidence(EvidenceFile evidence, string? reason, ChangeStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (!ReferenceEquals(evidence.Recommendation, this) && (Id == 0 || evidence.RecommendationId != Id))
        {
            throw new DomainRuleException($"{evidence.FileName} is not evidence of recommendation {Number}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException($"Give the reason for withdrawing {evidence.FileName}.");
        }

        if (reason.Trim().Length > EvidenceFile.MaxReasonLength)
        {
            throw new DomainRuleException($"The reason may have at most {EvidenceFile.MaxReasonLength} characters; it has {reason.Trim().Length}.");
        }

        if (evidence.IsWithdrawn)
        {
            throw new DomainRuleException($"{evidence.FileName} is already withdrawn.");
        }

        evidence.Withdraw(reason.Trim(), stamp);
        Record(HistoryField.EvidenceWithdrawn, evidence.HistoryName, reason.Trim(), stamp);
    }

    private void RefuseDecisionWithoutClaimOrBy(ChangeStamp stamp, string decision)
    {
        if (!IsImplementationClaimed)
        {
            throw new DomainRuleException($"Recommendation {Number} has no claimed implementation awaiting validation (it may have been decided or changed since).");
        }

        if (ClosureClaims.IsClaimer(ClaimedBy, stamp.By))
        {
            throw new DomainRuleException(
                $"You claimed the implementation of recommendation {Number} yourself, so you cannot {decision} it: another coordinator decides.");
        }
    }

    private static void RefuseTooLong(string? note, string what)
    {
        if (note is { Length: > ClosureClaims.MaxNoteLength })
        {
            throw new DomainRuleException($"The {what} may have at most {ClosureClaims.MaxNoteLength} characters; it has {note.Length}.");
        }
    }

    /// <summary>Ends a claim awaiting validation, if there is one; the history records its end.</summary>
    private void EndClaim(ChangeStamp stamp)
    {
        if (!IsImplementationClaimed)
        {
            return;
        }

        Record(HistoryField.ImplementationClaim, ClosureClaims.ClaimedCode, null, stamp);
        ClaimedAt = null;
        ClaimedBy = null;
    }

    private void ClearReturnedClaim()
    {
        ClaimReturnedAt = null;
        ClaimReturnedBy = null;
        ClaimReturnReason = null;
    }

    private static string? NoteOrNull(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static string? YearText(int? year) => year?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void SetAcceptance(Acceptance? value, ChangeStamp stamp)
    {
        if (value == Acceptance)
        {
            return;
        }

        Record(HistoryField.Acceptance, Acceptance?.Code(), value?.Code(), stamp);
        Acceptance = value;
    }

    private void SetImplementation(ImplementationStatus? value, ChangeStamp stamp)
    {
        if (value == Implementation)
        {
            return;
        }

        Record(HistoryField.Implementation, Implementation?.Code(), value?.Code(), stamp);
        Implementation = value;
    }

    private void Record(HistoryField field, string? oldValue, string? newValue, ChangeStamp stamp)
    {
        _history.Add(new HistoryEntry(this, field, oldValue, newValue, stamp));
        LastChangedAt = LastChangedAt is { } last && last > stamp.At ? last : stamp.At;
        Version++;
    }
}
