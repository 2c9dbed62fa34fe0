using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Demo;

/// <summary>Deterministic, realistic-looking reports for measuring: the same seed gives the same data.</summary>
public sealed class GeneratedData(int seed, DateTimeOffset now)
{
    private static readonly string[] Topics =
    [
        "cybersecurity", "business continuity", "results-based management", "procurement", "enterprise risk management",
        "environmental sustainability", "digital transformation", "knowledge management", "ethics functions",
        "travel policies", "internal audit", "multilingualism", "partnerships with the private sector", "data protection",
    ];

    private static readonly string[] Actions =
    [
        "adopt a policy on", "report to their governing bodies on", "establish a framework for", "review the resources for",
        "designate a focal point for", "strengthen the coordination of", "publish guidance on",
    ];

    private static readonly string[] Units = [.. Enumerable.Range(1, 40).Select(i => $"U{i:00}")];
    private readonly Random _random = new(seed);

    /// <summary>The focal points the reports are assigned among: saved first, then passed to <see cref="Reports"/>.</summary>
    public IEnumerable<FocalPoint> People(int count) =>
        Enumerable.Range(1, count).Select(i => new FocalPoint(i % 2 == 0 ? "Ms." : "Mr.", $"Person {i}", Units[i % Units.Length]));

    /// <param name="people">The saved focal points, tracked by the context the reports are added to.</param>
    public IEnumerable<Report> Reports(int first, int count, IReadOnlyList<FocalPoint> people)
    {
        for (var n = first; n < first + count; n++)
        {
            yield return NewReport(n, people);
        }
    }

    /// <summary>When a report of that year's recommendations were registered: early in the following year.</summary>
    public DateTimeOffset RegisteredAt(int year) => new(year + 1, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private Report NewReport(int n, IReadOnlyList<FocalPoint> people)
    {
        var year = 2000 + (n % 26);
        var topic = Topics[_random.Next(Topics.Length)];
        var report = new Report(new ReportSymbol(n % 5 == 0 ? "NOTE" : "REP", year, (n / 26) + 1), $"Review of {topic} in the United Nations system organizations ({n})");
        report.SetCebComments(year < 2025 ? CebCommentsStatus.Available : CebCommentsStatus.NotYetAvailable);
        foreach (var person in Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => people[_random.Next(people.Count)]).Distinct())
        {
            report.Assign(person);
        }

        var recommendations = 5 + _random.Next(11);
        for (var number = 1; number <= recommendations; number++)
        {
            var legislative = _random.Next(5) == 0;
            var text = (legislative ? "The legislative organs and governing bodies" : "The executive heads") +
                $" of the United Nations system organizations should, by the end of {year + 2}, {Actions[_random.Next(Actions.Length)]} {topic}.";
            var recommendation = report.AddRecommendation(number, text, legislative ? Addressee.LegislativeBodies : Addressee.ExecutiveHeads, year + 2, null);
            RecordHistory(recommendation, year);
        }

        return report;
    }

    /// <summary>An acceptance decision, then the implementation moving on, each change at its own time.</summary>
    private void RecordHistory(Recommendation recommendation, int year)
    {
        var at = RegisteredAt(year);
        var by = $"person{_random.Next(1, 200)}@example.org";
        var roll = _random.Next(10);
        var acceptance = roll switch { < 7 => Acceptance.Accepted, 7 => Acceptance.NotAccepted, 8 => Acceptance.UnderConsideration, _ => (Acceptance?)null };
        if (acceptance is null)
        {
            return;
        }

        recommendation.UpdateStatus(acceptance, null, new ChangeStamp(by, Later(ref at)), ClosureValidation.NotRequired);
        if (acceptance != Acceptance.Accepted)
        {
            return;
        }

        foreach (var status in new[] { ImplementationStatus.NotStarted, ImplementationStatus.InProgress, ImplementationStatus.Implemented }.Take(1 + _random.Next(3)))
        {
            // Generated as if recorded before closures were validated.
            recommendation.UpdateStatus(Acceptance.Accepted, status, new ChangeStamp(by, Later(ref at)), ClosureValidation.NotRequired);
        }

        if (_random.Next(3) == 0)
        {
            recommendation.AddComment($"Progress reported to the governing body in {at.Year}.", new ChangeStamp(by, Later(ref at)));
        }
    }

    private DateTimeOffset Later(ref DateTimeOffset at)
    {
        at = at.AddDays(30 + _random.Next(300));
        return at < now ? at : now;
    }
}
