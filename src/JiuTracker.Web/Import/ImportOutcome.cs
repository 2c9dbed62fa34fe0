namespace JiuTracker.Web.Import;

/// <summary>What an import created, and which reports it left alone because they were already registered.</summary>
public sealed record ImportOutcome(
    IReadOnlyList<ImportedReport> Created,
    IReadOnlyList<string> AlreadyRegistered,
    int FocalPointsCreated)
{
    public int RecommendationsCreated => Created.Sum(r => r.Recommendations);
}

public sealed record ImportedReport(string Symbol, string Title, int Recommendations, IReadOnlyList<string> FocalPoints);
