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
}

public enum EditPath
{
    SingleEdit,
    WholeReport,
    Workbook,
}

/// <summary>Everything the simulated users did, shared between them.</summary>
public sealed class EditLog
{
    private readonly List<Edit> _edits = [];
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

    public IReadOnlyList<Edit> Edits
    {
        get
        {
            lock (_edits)
            {
                return [.. _edits];
            }
        }
    }

    public int Count(EditOutcome outcome) => Edits.Count(e => e.Outcome == outcome);

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

    public void Add(Edit edit)
    {
        lock (_edits)
        {
            _edits.Add(edit);
        }
    }
}
