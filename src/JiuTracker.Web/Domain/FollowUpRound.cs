namespace JiuTracker.Web.Domain;

/// <summary>
/// One follow-up round, such as "Council 2027": the coordinator asks the focal points of some reports to update their
/// recommendations by a due date. Opened once, closed once; closing freezes what was submitted (<see cref="RoundDocument"/>).
/// </summary>
public class FollowUpRound
{
    public const int MaxNameLength = 100;
    public const int MaxMessageLength = 2000;

    private readonly List<RoundRecommendation> _recommendations = [];
    private readonly List<Report> _reports = [];

    private FollowUpRound()
    {
    }

    /// <param name="linkBase">The app's public address the round's e-mails link to, such as https://jiu.example.org/.</param>
    public FollowUpRound(string name, DateOnly dueDate, string message, string linkBase, ChangeStamp stamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkBase);
        var problems = Problems(name, dueDate, message, DateOnly.FromDateTime(stamp.At.UtcDateTime));
        if (problems.Count > 0)
        {
            throw new DomainRuleException(string.Join(" ", problems.Select(p => p.Message)));
        }

        Name = name.Trim();
        DueDate = dueDate;
        Message = (message ?? "").Trim();
        LinkBase = linkBase;
        OpenedBy = stamp.By;
        OpenedAt = stamp.At;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The day by which focal points are asked to have updated every recommendation in scope.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>The coordinator's words to the focal points, in the opening e-mail.</summary>
    public string Message { get; private set; } = "";

    public string LinkBase { get; private set; } = "";

    /// <summary>The e-mail address of who opened it: they receive the summary when the due date passes.</summary>
    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Grows when the round is closed: two closings racing each other close it once.</summary>
    public int Version { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>The reports the round asked about.</summary>
    public IReadOnlyCollection<Report> Reports => _reports;

    /// <summary>Every recommendation in force in those reports when it opened, with its statuses then and at the close.</summary>
    public IReadOnlyCollection<RoundRecommendation> Recommendations => _recommendations;

    /// <summary>What is wrong with a round's name, due date and message, each with the field it is about; empty when nothing.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(string? name, DateOnly? dueDate, string? message, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add((nameof(Name), "Give the round a name, such as \"Council 2027\"."));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            problems.Add((nameof(Name), $"The name is {name.Trim().Length} characters long; at most {MaxNameLength} are kept."));
        }

        if (dueDate is null)
        {
            problems.Add((nameof(DueDate), "Give the due date, the day by which focal points are asked to have updated their recommendations."));
        }
        else if (dueDate < today)
        {
            problems.Add((nameof(DueDate), $"The due date {dueDate:yyyy-MM-dd} has passed; a round's due date is today or later."));
        }

        if ((message ?? "").Trim().Length > MaxMessageLength)
        {
            problems.Add((nameof(Message), $"The message is {(message ?? "").Trim().Length} characters long; at most {MaxMessageLength} are kept."));
        }

        return problems;
    }

    /// <summary>The reports the round asks about; their recommendations are recorded once it is saved (<c>RoundScope</c>).</summary>
    public void AddReports(IEnumerable<Report> reports) => _reports.AddRange(reports);

    public void Close(ChangeStamp stamp)
    {
        if (IsClosed)
        {
            throw new DomainRuleException($"The round \"{Name}\" was already closed on {ClosedAt:yyyy-MM-dd HH:mm} UTC by {ClosedBy}.");
        }

        ClosedAt = stamp.At;
        ClosedBy = stamp.By;
        Version++;
    }
}
