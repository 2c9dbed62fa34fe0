namespace JiuTracker.Web.Domain;

/// <summary>
/// A recommendation as a round found it when it opened (written by <c>RoundScope</c> in one statement), and as it stood when the round closed: what the round asked
/// about (<see cref="Asked"/>) and what it produced, kept so later changes never alter a closed round's figures.
/// </summary>
public class RoundRecommendation
{
    private RoundRecommendation()
    {
    }

    public int RoundId { get; private set; }

    public int RecommendationId { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>Whether the round asked for its update: it needed one when the round opened (<c>Figure.NeedsUpdate</c>).</summary>
    public bool Asked { get; private set; }

    public Acceptance? AcceptanceAtOpening { get; private set; }

    public ImplementationStatus? ImplementationAtOpening { get; private set; }

    public Acceptance? AcceptanceAtClosing { get; private set; }

    public ImplementationStatus? ImplementationAtClosing { get; private set; }

    public void RecordClosing(Acceptance? acceptance, ImplementationStatus? implementation)
    {
        AcceptanceAtClosing = acceptance;
        ImplementationAtClosing = implementation;
    }
}
