using JiuTracker.Web.Security.SingleSignOn;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Security;

/// <summary>The response headers that keep pages from being framed, sniffed or made to run foreign scripts.</summary>
public static class SecurityHeaders
{
    // Scripts and styles come only from the app's own files (no inline script); Bootstrap's CSS uses data: images.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy with single sign-on: the sign-in and sign-out forms end in a redirect to the provider, which a browser
    /// holds to <c>form-action</c> too, so the provider's origin (the authority's) is allowed there as well.
    /// </summary>
    public static string ContentSecurityPolicyFor(SingleSignOnOptions singleSignOn)
    {
        ArgumentNullException.ThrowIfNull(singleSignOn);
        return singleSignOn.IsEnabled && Uri.TryCreate(singleSignOn.Authority, UriKind.Absolute, out var authority)
            ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicyFor(app.ApplicationServices.GetRequiredService<IOptions<SingleSignOnOptions>>().Value);
        return app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(http);
        });
    }
}
