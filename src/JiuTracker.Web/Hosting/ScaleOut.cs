using System.Net;
using JiuTracker.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace JiuTracker.Web.Hosting;

/// <summary>
/// What lets several instances serve one database behind a reverse proxy: the Data Protection keys (cookies,
/// antiforgery tokens) live in the database under one application name, and the proxy's X-Forwarded-For and
/// X-Forwarded-Proto are believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> and
/// <c>ForwardedHeaders:KnownNetworks</c>, or from loopback when none is named and <c>ForwardedHeaders:BehindProxy</c>
/// says a proxy on the same machine forwards every request. Otherwise nobody's forwarded headers are believed: a
/// client could name any address and escape the sign-in limits per address.
/// </summary>
public static class ScaleOut
{
    public const string Section = "ForwardedHeaders";
    public const string ApplicationName = "JiuTracker";
    private const string BehindProxy = "BehindProxy";

    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<JiuDbContext>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(Section);
            // The framework's defaults trust loopback: only what the settings name is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
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

            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0 && section.GetValue<bool>(BehindProxy))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }

            // With both lists empty the middleware would believe any sender, so it is told to read no header at all.
            options.ForwardedHeaders = options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return services;
    }

    /// <summary>Whether the settings name a proxy whose forwarded headers are believed (its scheme among them).</summary>
    public static bool TrustsAProxy(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return Values(section, "KnownProxies").Any() || Values(section, "KnownNetworks").Any() || section.GetValue<bool>(BehindProxy);
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
