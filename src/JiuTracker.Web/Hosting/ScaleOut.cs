using System.Net;
using JiuTracker.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace JiuTracker.Web.Hosting;

/// <summary>
/// What lets several instances serve one database behind a reverse proxy: the Data Protection keys (cookies,
/// antiforgery tokens) live in the database under one application name, and the proxy's X-Forwarded-For and
/// X-Forwarded-Proto are believed from the proxies named in <c>ForwardedHeaders:KnownProxies</c> and
/// <c>ForwardedHeaders:KnownNetworks</c> (loopback always).
/// </summary>
public static class ScaleOut
{
    public const string Section = "ForwardedHeaders";
    public const string ApplicationName = "JiuTracker";

    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<JiuDbContext>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var section = configuration.GetSection(Section);
            foreach (var address in Values(section, "KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"{Section}:KnownProxies \"{address}\" is not an IP address such as 10.0.0.5."));
            }

            foreach (var network in Values(section, "KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks \"{network}\" is not a network such as 10.0.0.0/24."));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's address (sign-in limits, logs) and scheme (HTTPS redirection, secure cookies).</summary>
    public static IApplicationBuilder UseScaleOut(this IApplicationBuilder app) => app.UseForwardedHeaders();

    // A list from JSON (an array) or from one setting with commas, as an environment variable gives it.
    private static IEnumerable<string> Values(IConfigurationSection section, string key)
    {
        var entry = section.GetSection(key);
        var items = entry.Value is { } single ? single.Split(',') : entry.GetChildren().Select(c => c.Value ?? "");
        return items.Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
