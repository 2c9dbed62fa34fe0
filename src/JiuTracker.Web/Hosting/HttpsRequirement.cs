namespace JiuTracker.Web.Hosting;

/// <summary>
/// Production is served over HTTPS: Kestrel serves it (an https:// address or port) or a trusted reverse proxy ends it
/// and forwards the scheme. Plain HTTP alone would send passwords in clear, and the Secure cookie would make sign-in loop.
/// </summary>
public static class HttpsRequirement
{
    /// <summary>Settings that bring the HTTPS redirection port (as <c>UseHttpsRedirection</c> reads them).</summary>
    private static readonly string[] HttpsPortSettings = ["https_port", "ANCM_HTTPS_PORT", "https_ports"];

    /// <returns>What to configure, when Production has no way to HTTPS; null when it has one, or outside Production.</returns>
    public static string? Problem(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!environment.IsProduction() || HasHttpsPort(configuration) || HasHttpsAddress(configuration) || ScaleOut.TrustsAProxy(configuration))
        {
            return null;
        }

        return "in Production it is served over HTTPS only, and no HTTPS is configured. Configure one of: "
            + "`https_port` (environment HTTPS_PORT or ASPNETCORE_HTTPS_PORT), the port HTTPS is served on; "
            + "an https:// address in `urls` (ASPNETCORE_URLS), `https_ports` or `Kestrel:Endpoints:<name>:Url`, with its certificate; "
            + "or, behind a reverse proxy that ends HTTPS and sends X-Forwarded-Proto, its address in "
            + $"`{ScaleOut.Section}:KnownProxies` or `{ScaleOut.Section}:KnownNetworks` (or `{ScaleOut.Section}:BehindProxy=true`). "
            + "See docs/deployment.md.";
    }

    private static bool HasHttpsPort(IConfiguration configuration) =>
        HttpsPortSettings.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    private static bool HasHttpsAddress(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? "");
        return urls.Concat(endpoints).Any(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }
}
