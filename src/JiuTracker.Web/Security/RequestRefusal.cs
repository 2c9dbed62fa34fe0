namespace JiuTracker.Web.Security;

/// <summary>
/// Why a request was refused, carried from the code that refused it to the status-code page, which explains the 400
/// to the person in words (the status-code page is re-executed on the same request).
/// </summary>
public static class RequestRefusal
{
    private static readonly object Key = new();

    public static void Refuse(HttpContext http, string reason) => http.Items[Key] = reason;

    public static string? ReasonFor(HttpContext http) => http.Items.TryGetValue(Key, out var reason) ? reason as string : null;
}
