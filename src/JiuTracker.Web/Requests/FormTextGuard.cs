using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Requests;

/// <summary>
/// Refuses, with a 400 saying which field, a submitted form that cannot be text: one the form reader rejects (a NUL
/// character, a value over the size limit) or one with another control character (BEL, escape…) in a name or value.
/// Nobody types those, and stored in a comment or a title they would corrupt exports and the history. Tabs and line
/// breaks are text. File uploads (multipart forms) are checked by the page that reads the file.
/// </summary>
public static class FormTextGuard
{
    public static IApplicationBuilder UseFormTextGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsChecked(http) && http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && await RefusalAsync(http) is { } reason)
        {
            RequestRefusal.Refuse(http, $"{reason} Nothing was saved; correct the value (retyping it is the surest way) and submit again.");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(http);
    });

    /// <summary>
    /// Forms of signed-in pages only: not on the pages anyone may use (sign-in, the error pages), nor on health or
    /// other endpoints, nor when the status-code page is re-executed; their bodies are not read here at all.
    /// </summary>
    private static bool IsChecked(HttpContext http) =>
        http.Features.Get<IStatusCodeReExecuteFeature>() is null
        && http.User.Identity?.IsAuthenticated == true
        && http.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<PageActionDescriptor>() is not null
        && metadata.GetMetadata<IAllowAnonymous>() is null;

    private static async Task<string?> RefusalAsync(HttpContext http)
    {
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException unreadable)
        {
            return $"The form could not be read: {unreadable.Message.TrimEnd('.')} (a NUL character, or a value too long for any field).";
        }

        var field = form.Keys.FirstOrDefault(name => HasControlCharacter(name) || form[name].Any(HasControlCharacter));
        return field is null ? null : $"The field “{Printable(field)}” contains a control character, which is not text.";
    }

    /// <summary>Whether the text holds a character nobody types (NUL, BEL, escape…); tabs and line breaks are text.</summary>
    public static bool HasControlCharacter(string? text) => text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    private static string Printable(string name) =>
        new([.. name.Replace("Input.", "", StringComparison.Ordinal).Take(100).Select(c => char.IsControl(c) ? '?' : c)]);
}
