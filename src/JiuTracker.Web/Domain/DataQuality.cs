namespace JiuTracker.Web.Domain;

/// <summary>The checks behind <see cref="Recommendation.DataQualityWarnings"/>, usable in queries' read models too.</summary>
public static class DataQuality
{
    public const string ImplementationWithoutAcceptance =
        "Implementation is recorded but the recommendation is not recorded as accepted.";

    public static IReadOnlyList<string> WarningsFor(Acceptance? acceptance, ImplementationStatus? implementation) =>
        implementation is not null && acceptance != Acceptance.Accepted
            ? [ImplementationWithoutAcceptance]
            : [];
}
