using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Security;

/// <summary>The roles an account can hold; an account can hold several.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string FocalPoint = "FocalPoint";
    public const string Management = "Management";
    public const string Auditor = "Auditor";

    /// <summary>Runs the follow-up: opens and closes rounds, sends reminders; reads everything; manages no accounts.</summary>
    public const string Coordinator = "Coordinator";

    public static IReadOnlyList<string> All { get; } = [Administrator, Coordinator, FocalPoint, Management, Auditor];

    /// <summary>The role as people read it: "Focal point" for <see cref="FocalPoint"/>.</summary>
    public static string Label(string role) => NameInWords.Of(role);
}
