namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The two rates' names and the sentences that define them, as the dashboard and the workbook's Summary sheet show
/// them; the figures they divide are defined in <see cref="FigureDefinitions"/> and counted by <see cref="FigureCounts"/>.
/// </summary>
public static class RateDefinitions
{
    public const string AcceptanceRateLabel = "Acceptance rate";

    public const string AcceptanceRateMeaning = "Accepted ÷ recommendations with a recorded acceptance decision, leaving out \"Not relevant\".";

    public const string ImplementationRateLabel = "Implementation rate";

    public const string ImplementationRateMeaning =
        "Accepted recommendations recorded as Implemented ÷ accepted recommendations: rows marked implemented without an acceptance do not raise it.";
}
