namespace JiuTracker.Web.Security;

/// <summary>The roles an account can hold; an account can hold several.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string FocalPoint = "FocalPoint";
    public const string Management = "Management";
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [Administrator, FocalPoint, Management, Auditor];
}
