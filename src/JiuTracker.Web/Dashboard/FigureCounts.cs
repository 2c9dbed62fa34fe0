namespace JiuTracker.Web.Dashboard;

/// <summary>Every figure counted over one set of recommendations, with the two rates management asks for.</summary>
public sealed class FigureCounts
{
    private static readonly Figure[] Figures = Enum.GetValues<Figure>();

    /// <summary>One count per figure, indexed by the figure's value (the figures are numbered 0, 1, 2…).</summary>
    private readonly int[] _counts;

    private FigureCounts(int[] counts) => _counts = counts;

    public int this[Figure figure] => _counts[(int)figure];

    /// <summary>Accepted ÷ recommendations with a recorded acceptance decision other than Not relevant.</summary>
    public Rate AcceptanceRate => new(this[Figure.Accepted], this[Figure.DecisionRecorded]);

    /// <summary>Accepted and implemented ÷ accepted.</summary>
    public Rate ImplementationRate => new(this[Figure.AcceptedImplemented], this[Figure.Accepted]);

    public static FigureCounts Of(IReadOnlyCollection<RecommendationFacts> facts, FigureDefinitions definitions) =>
        new([.. Figures.Select(figure => facts.Count(definitions[figure].Matches))]);

    /// <summary>The figures of recommendations given once for each group of alike ones, with how many each stands for.</summary>
    public static FigureCounts Of(IEnumerable<(RecommendationFacts Facts, int Count)> alike, FigureDefinitions definitions)
    {
        var sum = new int[Figures.Length];
        foreach (var (facts, count) in alike)
        {
            foreach (var figure in Figures)
            {
                sum[(int)figure] += definitions[figure].Matches(facts) ? count : 0;
            }
        }

        return new(sum);
    }

    /// <summary>The figures of groups counted by the database, added up; a recommendation is in one group only.</summary>
    public static FigureCounts Sum(IEnumerable<FigureGroup> groups)
    {
        var sum = new int[Figures.Length];
        foreach (var group in groups)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += group.Counts[i];
            }
        }

        return new(sum);
    }
}
