namespace JiuTracker.Web.Domain;

/// <summary>A name kept in code ("RecommendationAdded", "FocalPoint") as people read it ("Recommendation added", "Focal point").</summary>
public static class NameInWords
{
    public static string Of(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static string Label(this AdminAction action) => Of(action.ToString());
}
