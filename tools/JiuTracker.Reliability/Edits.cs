namespace JiuTracker.Reliability;

public enum EditOutcome
{
    /// <summary>The app redirected after saving: the change must be in the history.</summary>
    Acknowledged,

    /// <summary>The form came back with the "someone else saved" message: nothing of the change may be stored.</summary>
    Conflict,

    /// <summary>The form came back with another message, or a 4xx: not expected of the edits the users make.</summary>
    OtherRefusal,

    ServerError,

    /// <summary>No answer (connection refused or reset, time-out): the change may or may not be stored.</summary>
    Unanswered,
}

/// <summary>One save a simulated user attempted; its comment is unique, so the history can be searched for it.</summary>
/// <param name="Implementation">The implementation status it set (the form's value, e.g. <c>InProgress</c>), or null when unchanged.</param>
/// <param name="Path">How the save was made: a single edit, a row of a whole-report save, a row of an uploaded update workbook.</param>
public sealed record Edit(string Account, int RecommendationId, string Comment, string? Implementation, EditOutcome Outcome, string? Detail, EditPath Path = EditPath.SingleEdit)
{
    public bool InWholeReport => Path == EditPath.WholeReport;

    public bool InWorkbook => Path == EditPath.Workbook;

    public bool ThroughApi => Path == EditPath.Api;
}

public enum EditPath
{
    SingleEdit,
    WholeReport,
    Workbook,

    /// <summary>A comment added through the API with a read-write token and If-Match (<see cref="ApiWriter"/>).</summary>
    Api,
}

/// <summary>A step of the coordinator's follow-up rounds, and what the app answered.</summary>
/// <param name="RoundId">The round (known from the app's redirect for an opening); null when it did not say.</param>
/// <param name="Subject">The round's name for an opening, the person's account id for a reminder.</param>
/// <param name="Emails">For an acknowledged opening, the e-mails the app said it put in the outbox; 1 for a reminder.</param>
public sealed record RoundAction(RoundStep Step, int? RoundId, string Subject, int? Emails, EditOutcome Outcome, string? Detail);

public enum RoundStep
{
    Open,
    Remind,
    Close,
}

/// <summary>A file the evidence uploader attached to a recommendation, or withdrew, and what the app answered.</summary>
/// <param name="EvidenceId">The file's id, read from the evidence page after an acknowledged upload; known for a withdrawal.</param>
/// <param name="Sha256">The SHA-256 of the bytes sent (lower-case hex), which the stored file must match.</param>
/// <param name="Text">The description for an upload, the reason for a withdrawal.</param>
public sealed record EvidenceAction(EvidenceStep Step, int RecommendationId, int? EvidenceId, string FileName, string Sha256, string Text, EditOutcome Outcome, string? Detail);

public enum EvidenceStep
{
    Upload,
    Withdraw,
}

/// <summary>A coordinator's decision on a claimed implementation (decision 032), and what the app answered.</summary>
/// <param name="By">The deciding account; never <paramref name="ClaimedBy"/>.</param>
/// <param name="ClaimedBy">The claimer, as the decision page named them: a return is e-mailed to them.</param>
/// <param name="Text">The justification of an accept, the reason of a return (empty when sent without one on purpose); unique to the decision.</param>
/// <param name="Outcome">
/// <see cref="EditOutcome.Conflict"/> when refused with the message expected for it: the claim changed after the page was
/// opened, or a return sent without its reason. Nothing of it may be stored.
/// </param>
public sealed record ClaimDecision(DecisionStep Step, string By, int RecommendationId, string ClaimedBy, string Text, EditOutcome Outcome, string? Detail);

public enum DecisionStep
{
    Accept,
    Return,
}

/// <summary>An administrator's unlock of the locking user's account, and what the app answered.</summary>
/// <param name="WasLocked">Sent after the account was seen locked; otherwise sent on purpose while it was not.</param>
/// <param name="Sent">Just before the post left (the driver's clock, the app's on the same machine).</param>
/// <param name="Answered">Just after its answer came: an acknowledged unlock's audit entry is stamped in between.</param>
/// <param name="Outcome">
/// <see cref="EditOutcome.Conflict"/> when refused with the message expected for an account that is not locked: nothing
/// of it may be stored.
/// </param>
public sealed record UnlockAttempt(bool WasLocked, DateTimeOffset Sent, DateTimeOffset Answered, EditOutcome Outcome, string? Detail);

/// <summary>A personal access token the script user created on its account page, or revoked, and what the app answered.</summary>
/// <param name="Name">The token's name, unique to the run: how it is found in <c>ApiTokens</c> and in its audit entries.</param>
/// <param name="Text">The token's text, read from the answer to an acknowledged creation; null when none was shown.</param>
/// <param name="TokenId">The token's id, from its row on the page; known for a revocation.</param>
public sealed record TokenAction(TokenStep Step, string Name, string? Text, int? TokenId, EditOutcome Outcome, string? Detail);

public enum TokenStep
{
    Create,
    Revoke,
}

/// <summary>Everything the simulated users did, shared between them.</summary>
public sealed class EditLog
{
    private readonly SharedList<Edit> _edits = new();
    private readonly SharedList<RoundAction> _roundActions = new();
    private readonly SharedList<EvidenceAction> _evidenceActions = new();
    private readonly SharedList<ClaimDecision> _decisions = new();
    private readonly SharedList<UnlockAttempt> _unlocks = new();
    private readonly SharedList<string> _lockingProblems = new();
    private readonly SharedList<TokenAction> _tokenActions = new();
    private readonly SharedList<string> _tokenProblems = new();
    private readonly SharedList<LanguageChoiceMade> _languageChoices = new();
    private readonly SharedList<string> _languageProblems = new();
    private int _apiReadsWithToken;
    private int _apiRefusalsAfterRevoke;
    private int _lockoutsSeen;
    private int _signInsAfterUnlock;
    private int _wrongPasswordsSinceUnlock;
    private int _ownClaimsSkipped;
    private int _requests;
    private int _serverErrors;
    private int _unanswered;
    private int _signOuts;
    private int _sessionsLeftUsable;

    public int Requests => _requests;

    /// <summary>Answers with a 5xx status, to any request (page loads included).</summary>
    public int ServerErrors => _serverErrors;

    /// <summary>Requests of any kind that got no answer.</summary>
    public int Unanswered => _unanswered;

    public IReadOnlyList<Edit> Edits => _edits.Snapshot();

    public int Count(EditOutcome outcome) => Edits.Count(e => e.Outcome == outcome);

    /// <summary>The coordinator's steps: rounds opened, reminders sent by hand, rounds closed.</summary>
    public IReadOnlyList<RoundAction> RoundActions => _roundActions.Snapshot();

    public int Count(RoundStep step, EditOutcome outcome) => RoundActions.Count(a => a.Step == step && a.Outcome == outcome);

    public void Add(RoundAction action) => _roundActions.Add(action);

    /// <summary>The evidence uploader's steps: files attached, files withdrawn.</summary>
    public IReadOnlyList<EvidenceAction> EvidenceActions => _evidenceActions.Snapshot();

    public int Count(EvidenceStep step, EditOutcome outcome) => EvidenceActions.Count(a => a.Step == step && a.Outcome == outcome);

    public void Add(EvidenceAction action) => _evidenceActions.Add(action);

    /// <summary>The validators' decisions on claimed implementations.</summary>
    public IReadOnlyList<ClaimDecision> Decisions => _decisions.Snapshot();

    public int Count(DecisionStep step, EditOutcome outcome) => Decisions.Count(d => d.Step == step && d.Outcome == outcome);

    public void Add(ClaimDecision decision) => _decisions.Add(decision);

    /// <summary>The administrator's unlocks of the locking user's account, in the order sent.</summary>
    public IReadOnlyList<UnlockAttempt> Unlocks => _unlocks.Snapshot();

    /// <summary>An acknowledged unlock sets the count of wrong passwords sent since then back to zero.</summary>
    public void Add(UnlockAttempt unlock)
    {
        _unlocks.Add(unlock);
        if (unlock.Outcome == EditOutcome.Acknowledged)
        {
            Interlocked.Exchange(ref _wrongPasswordsSinceUnlock, 0);
        }
    }

    public int Count(bool wasLocked, EditOutcome outcome) => Unlocks.Count(u => u.WasLocked == wasLocked && u.Outcome == outcome);

    /// <summary>Times the right password was refused as locked after five wrong ones.</summary>
    public int LockoutsSeen => _lockoutsSeen;

    public void LockoutSeen() => Interlocked.Increment(ref _lockoutsSeen);

    /// <summary>Times the account signed in with its password after an acknowledged unlock.</summary>
    public int SignInsAfterUnlock => _signInsAfterUnlock;

    public void SignedInAfterUnlock() => Interlocked.Increment(ref _signInsAfterUnlock);

    /// <summary>
    /// Wrong passwords sent for the locking user's account since the last acknowledged unlock: fewer than five, and the
    /// account may not be found locked afterwards.
    /// </summary>
    public int WrongPasswordsSinceUnlock => _wrongPasswordsSinceUnlock;

    public void WrongPasswordSent() => Interlocked.Increment(ref _wrongPasswordsSinceUnlock);

    /// <summary>What the locking user saw that the rules forbid: a lockout not applied, a sign-in refused after an unlock.</summary>
    public IReadOnlyList<string> LockingProblems => _lockingProblems.Snapshot();

    public void LockingProblem(string problem) => _lockingProblems.Add(problem);

    /// <summary>The script user's token creations and revocations, in the order sent.</summary>
    public IReadOnlyList<TokenAction> TokenActions => _tokenActions.Snapshot();

    public int Count(TokenStep step, EditOutcome outcome) => TokenActions.Count(a => a.Step == step && a.Outcome == outcome);

    public void Add(TokenAction action) => _tokenActions.Add(action);

    /// <summary>API reads answered 200 with JSON for a token just created.</summary>
    public int ApiReadsWithToken => _apiReadsWithToken;

    public void ReadWithToken() => Interlocked.Increment(ref _apiReadsWithToken);

    /// <summary>API reads refused with 401 for a token whose revocation was just acknowledged.</summary>
    public int ApiRefusalsAfterRevoke => _apiRefusalsAfterRevoke;

    public void RefusedAfterRevoke() => Interlocked.Increment(ref _apiRefusalsAfterRevoke);

    /// <summary>What the API answered that the tokens' rules forbid: a new token refused, a revoked one accepted.</summary>
    public IReadOnlyList<string> TokenProblems => _tokenProblems.Snapshot();

    public void TokenProblem(string problem) => _tokenProblems.Add(problem);

    /// <summary>The language chooser's choices, in the order sent.</summary>
    public IReadOnlyList<LanguageChoiceMade> LanguageChoices => _languageChoices.Snapshot();

    public void Add(LanguageChoiceMade choice) => _languageChoices.Add(choice);

    /// <summary>What the language chooser saw that the rules forbid: a page not in the language just chosen.</summary>
    public IReadOnlyList<string> LanguageProblems => _languageProblems.Snapshot();

    public void LanguageProblem(string problem) => _languageProblems.Add(problem);

    /// <summary>Claims a validator found in the queue as its own, and so left to another coordinator.</summary>
    public int OwnClaimsSkipped => _ownClaimsSkipped;

    public void SkippedOwnClaims(int count) => Interlocked.Add(ref _ownClaimsSkipped, count);

    /// <summary>Sign-outs the app acknowledged (a save: the account's sessions end, decision 022).</summary>
    public int SignOuts => _signOuts;

    /// <summary>Acknowledged sign-outs after which the session's old cookie still opened a page: a lost save.</summary>
    public int SessionsLeftUsable => _sessionsLeftUsable;

    public void SignedOut(bool sessionLeftUsable)
    {
        Interlocked.Increment(ref _signOuts);
        if (sessionLeftUsable)
        {
            Interlocked.Increment(ref _sessionsLeftUsable);
        }
    }

    public void Answered(int statusCode)
    {
        Interlocked.Increment(ref _requests);
        if (statusCode >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
    }

    public void NotAnswered()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _unanswered);
    }

    public void Add(Edit edit) => _edits.Add(edit);

    /// <summary>A list the users add to concurrently; read as a copy taken under its lock.</summary>
    private sealed class SharedList<T>
    {
        private readonly List<T> _items = [];

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public IReadOnlyList<T> Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }
}
