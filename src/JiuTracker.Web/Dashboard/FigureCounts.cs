namespace JiuTracker.Web.Dashboard;

/// <summary>Every figure counted over one set of recommendations, with the two rates management asks for.</summary>
public sealed class FigureCounts
{
    private readonly Dictionary<Figure, int> _counts;

    private FigureCounts(Dictionary<Figure, int> counts) => _counts = counts;

    public int this[Figure figure] => _counts[figure];

    /// <summary>Accepted ÷ recommendations with a recorded acceptance decision other than Not relevant.</summary>
    public Rate AcceptanceRate => new(this[Figure.Accepted], this[Figure.DecisionRecorded]);

    /// <summary>Accepted and implemented ÷ accepted.</summary>
    public Rate ImplementationRate => new(this[Figure.AcceptedImplemented], this[Figure.Accepted]);

    public static FigureCounts Of(IReadOnlyCollection<RecommendationFacts> facts, FigureDefinitions definitions) =>
        new(Enum.GetValues<Figure>().ToDictionary(figure => figure, figure => facts.Count(definitions[figure].Matches)));
}
