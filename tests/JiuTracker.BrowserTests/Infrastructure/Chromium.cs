namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, never a downloaded browser.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallHint = "Chromium is required: apt-get install -y chromium";

    /// <summary>Headless, and without the background traffic that keeps trying to reach the (closed) internet.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions",
    ];

    /// <summary>A machine without Chromium fails the browser tests with the way to install it; they are never skipped.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{InstallHint} (the browser tests drive {ExecutablePath} and download no browser).");
        }
    }
}
