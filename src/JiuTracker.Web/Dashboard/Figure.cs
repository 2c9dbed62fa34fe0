namespace JiuTracker.Web.Dashboard;

/// <summary>A count the dashboard shows; each is defined once in <see cref="FigureDefinitions"/>.</summary>
public enum Figure
{
    All,
    Accepted,
    NotAccepted,
    NotRelevant,
    UnderConsideration,
    NoDecision,
    InformationOnly,
    DecisionRecorded,
    NotStarted,
    InProgress,
    Implemented,
    ImplementationNotRecorded,
    AcceptedImplemented,
    AcceptedNotStarted,
    Overdue,
    DataQualityWarning,
    NoRecentUpdate,
    NeedsUpdate,
    NeedsAttention,
    Open,
    ImplementationClaimed,
    AcceptedNotImplemented,
}

public static class FigureNames
{
    /// <summary>Reads a figure's name from a query string; no name means <see cref="Figure.All"/>.</summary>
    public static bool TryParse(string? name, out Figure figure)
    {
        figure = Figure.All;
        return name is null || (Enum.TryParse(name, ignoreCase: true, out figure) && Enum.IsDefined(figure) && !int.TryParse(name, out _));
    }

    public static string UnknownMessage(string? name) =>
        $"Unknown figure \"{name}\"; use one of {string.Join(", ", Enum.GetNames<Figure>())}.";
}
