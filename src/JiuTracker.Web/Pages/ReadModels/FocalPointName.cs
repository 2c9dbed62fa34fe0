namespace JiuTracker.Web.Pages.ReadModels;

/// <summary>A focal point as pages show it: "Mr. Anders Norsker (GS/IS)".</summary>
public sealed record FocalPointName(string Title, string Name, string Unit)
{
    public override string ToString() => string.IsNullOrEmpty(Title) ? $"{Name} ({Unit})" : $"{Title} {Name} ({Unit})";
}
