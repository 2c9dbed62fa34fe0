using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace JiuTracker.Web.Pages.Recommendations;

/// <summary>
/// What the report page shows after one recommendation was saved: which one (its row is the page's target, so it is
/// highlighted and scrolled to), and the next recommendation of the report to update, if there is one.
/// </summary>
public sealed record SavedRecommendation(int Number, SavedRecommendation.Following? NextOne)
{
    private const string NumberKey = "Saved.Number";
    private const string NextIdKey = "Saved.NextId";
    private const string NextNumberKey = "Saved.NextNumber";

    public sealed record Following(int Id, int Number);

    /// <summary>The id of a recommendation's row in the report's matrix.</summary>
    public static string Anchor(int number) => $"recommendation-{number}";

    /// <summary>The saved recommendation kept for the next request, or null when the last one was not such a save.</summary>
    public static SavedRecommendation? Take(ITempDataDictionary tempData) =>
        tempData[NumberKey] is int number
            ? new SavedRecommendation(number, tempData[NextIdKey] is int id && tempData[NextNumberKey] is int next ? new Following(id, next) : null)
            : null;

    public void KeepIn(ITempDataDictionary tempData)
    {
        tempData[NumberKey] = Number;
        if (NextOne is not null)
        {
            tempData[NextIdKey] = NextOne.Id;
            tempData[NextNumberKey] = NextOne.Number;
        }
    }
}
