namespace JiuTracker.Web.Domain;

/// <summary>A staff member named as focal point for one or more reports, e.g. "Mr. Anders Norsker (GS/IS)".</summary>
public class FocalPoint
{
    private FocalPoint()
    {
    }

    public FocalPoint(string title, string name, string unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        Title = title.Trim();
        Name = name.Trim();
        Unit = unit.Trim();
    }

    public int Id { get; private set; }

    /// <summary>The form of address, e.g. "Mr." or "Ms."; may be empty.</summary>
    public string Title { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The organizational unit code, e.g. "GS/IS".</summary>
    public string Unit { get; private set; } = "";

    /// <summary>The user account this focal point signs in with, if one is linked.</summary>
    public string? UserId { get; private set; }

    public ICollection<Report> Reports { get; private set; } = [];

    /// <summary>"Anders Norsker (GS/IS)", the form used in lists and exports.</summary>
    public string NameWithUnit => WithUnit(Name, Unit);

    /// <summary>"Anders Norsker (GS/IS)": a focal point in lists, breakdowns and the CSV.</summary>
    public static string WithUnit(string name, string unit) => $"{name} ({unit})";

    /// <summary>"Mr. Anders Norsker (GS/IS)": a focal point on pages and in the document's Table 1.</summary>
    public static string WithTitleAndUnit(string title, string name, string unit) =>
        string.IsNullOrEmpty(title) ? WithUnit(name, unit) : $"{title} {WithUnit(name, unit)}";

    public void LinkToUser(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
    }

    public void UnlinkUser() => UserId = null;

    public void Revise(string title, string name, string unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        Title = (title ?? "").Trim();
        Name = name.Trim();
        Unit = unit.Trim();
    }
}
