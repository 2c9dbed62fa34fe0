namespace JiuTracker.Web.Domain;

/// <summary>Who makes a change and when; every history entry carries one.</summary>
/// <param name="Source">
/// How the change came in when not through a page's form, in words kept with each history entry: "workbook upload
/// update.xlsx (SHA-256 …)". Null for a change typed in the app.
/// </param>
public readonly record struct ChangeStamp(string By, DateTimeOffset At, string? Source = null)
{
    /// <summary>The longest source the history keeps.</summary>
    public const int MaxSourceLength = 512;
}
