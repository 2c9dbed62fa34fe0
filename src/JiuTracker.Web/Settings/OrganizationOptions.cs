namespace JiuTracker.Web.Settings;

/// <summary>The organization that uses this installation; its short name heads the comments column ("ITU comments").</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    public string ShortName { get; set; } = "ITU";
}
