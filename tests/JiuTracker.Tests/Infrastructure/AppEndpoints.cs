using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>
/// One way a request reaches the app's code: a Razor page handler (GET of every page, and each named or unnamed
/// handler method) or a mapped endpoint. <see cref="Name"/> is "METHOD /Page/Path" (plus "?handler=X") or
/// "METHOD /route/pattern", the key of the authorization matrix.
/// </summary>
public sealed partial record AppEndpoint(string Method, string Page, string RouteTemplate, string? Handler)
{
    public string Name => Handler is null ? $"{Method} {Page}" : $"{Method} {Page}?handler={Handler}";

    public bool IsPost => Method == HttpMethods.Post;

    /// <summary>The URL with each route parameter ({id}, {reportId:int}…) replaced by the value <paramref name="valueOf"/> gives.</summary>
    public string Url(Func<string, string> valueOf)
    {
        var path = "/" + RouteParameter().Replace(RouteTemplate, match => valueOf(match.Groups["name"].Value));
        return Handler is null ? path : $"{path}?handler={Handler}";
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}

public static class AppEndpoints
{
    /// <summary>Every page handler and mapped endpoint of the running app, found from its endpoint data, static files aside.</summary>
    public static async Task<IReadOnlyList<AppEndpoint>> AllAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var found = new List<AppEndpoint>();
        var loader = services.GetRequiredService<PageLoader>();

        // An Index page has two routes ("Reports" and "Reports/Index"); the shorter one stands for both.
        foreach (var page in endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .GroupBy(d => d.ViewEnginePath)
            .Select(g => g.OrderBy(d => d.AttributeRouteInfo!.Template!.Length).First()))
        {
            var template = page.AttributeRouteInfo!.Template!;
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            found.Add(new AppEndpoint(HttpMethods.Get, page.ViewEnginePath, template, null));
            found.AddRange(compiled.HandlerMethods.Select(h => new AppEndpoint(
                HttpMethods.GetCanonicalizedValue(h.HttpMethod), page.ViewEnginePath, template, h.Name)));
        }

        foreach (var endpoint in endpoints.Where(e =>
            e.Metadata.GetMetadata<PageActionDescriptor>() is null && !IsStaticFile(e)))
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            found.AddRange(methods.Select(method => new AppEndpoint(method, pattern, pattern.TrimStart('/'), null)));
        }

        return [.. found.DistinctBy(e => e.Name).OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    /// <summary>A static asset, or the catch-all that serves files from wwwroot in Development.</summary>
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        || endpoint.RoutePattern.Parameters.Any(p => p.ParameterPolicies.Any(policy => policy.Content == "file"));
}
