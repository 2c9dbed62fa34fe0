namespace JiuTracker.Web.Security;

public static class Policies
{
    /// <summary>Resource-based: may the user change statuses and comments of this report's recommendations?</summary>
    public const string EditReport = nameof(EditReport);
}
