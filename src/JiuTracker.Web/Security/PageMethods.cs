using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Security;

/// <summary>
/// Razor pages answer GET, HEAD and POST only. Any other method (PUT, DELETE, OPTIONS, an invented one) gets a 405
/// with an Allow header before authentication, so it never reaches a page that has no handler for it and tells nobody
/// more than a refusal. Mapped endpoints (exports, health) carry their own methods and are left to routing.
/// </summary>
public static class PageMethods
{
    public const string Allowed = "GET, HEAD, POST";

    public static IApplicationBuilder UsePageMethods(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        if (http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        http.Response.Headers.Allow = Allowed;
        // A body of its own, so the status-code page is not re-executed with the same method.
        await http.Response.WriteAsync($"The method {Printable(method)} is not allowed on this page; it answers {Allowed}.", http.RequestAborted);
    });

    private static string Printable(string method) => new([.. method.Take(20).Select(c => char.IsLetterOrDigit(c) ? c : '?')]);
}
