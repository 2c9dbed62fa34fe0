using JiuTracker.Web.Api;
using Microsoft.AspNetCore.Mvc;

namespace JiuTracker.Web.Requests;

/// <summary>
/// Why a request was refused, carried from the code that refused it to the status-code page, which explains the 400
/// to the person in words (the status-code page is re-executed on the same request).
/// </summary>
public static class RequestRefusal
{
    private static readonly object Key = new();

    public static void Refuse(HttpContext http, string reason) => http.Items[Key] = reason;

    public static string? ReasonFor(HttpContext http) => http.Items.TryGetValue(Key, out var reason) ? reason as string : null;

    /// <summary>
    /// A value in the address that an endpoint cannot take (<c>?from=abc</c> for a year) is answered with a 400 that
    /// names the parameter and the value, in every environment, instead of the framework's bare 400.
    /// </summary>
    public static IServiceCollection AddRequestRefusals(this IServiceCollection services) => services
        .Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true)
        .Configure<MvcOptions>(options => options.ModelMetadataDetailsProviders.Add(new WrongTypeValues()));

    public static IApplicationBuilder UseRequestRefusals(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException refused) when (!http.Response.HasStarted && http.Request.Path.StartsWithSegments(ApiEndpoints.Root, StringComparison.Ordinal))
        {
            // The API answers in problem details, keyed by parameter, with the pages' words.
            var (parameter, message) = WrongTypeValues.ParameterOfEndpointRefusal(refused.Message) ?? ("request", refused.Message);
            await ApiProblems.BadQuery([(parameter, message)], refused.StatusCode).ExecuteAsync(http);
        }
        catch (BadHttpRequestException refused) when (!http.Response.HasStarted)
        {
            var reason = WrongTypeValues.FromEndpointRefusal(refused.Message) ?? refused.Message;
            Refuse(http, $"The request has a value that cannot be used: {reason} Nothing was changed; correct the address or the form and try again.");
            http.Response.StatusCode = refused.StatusCode;
        }
    });
}
