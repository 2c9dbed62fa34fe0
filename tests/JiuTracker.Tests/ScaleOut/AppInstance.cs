using JiuTracker.Reliability;
using JiuTracker.Web.Data;

namespace JiuTracker.Tests.ScaleOut;

/// <summary>
/// The app as a process of its own (<see cref="AppProcess"/>) on a port of 127.0.0.1, in demo mode, on a PostgreSQL
/// database it may share with other instances, believing the forwarded headers of the nginx in front of it.
/// </summary>
public sealed class AppInstance(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    private AppProcess? _process;

    public Uri Address => (_process ?? throw new InvalidOperationException($"App instance {name} is not started.")).BaseAddress;

    /// <summary>Starts the process and waits until it answers that it is ready (database reachable and up to date).</summary>
    public async Task StartAsync()
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Database:Provider"] = DatabaseProvider.PostgreSQL.ToString(),
            ["ConnectionStrings:JiuTracker"] = connectionString,
            ["Security:SignInAttemptsPerAccountPerMinute"] = "1000",
            // nginx on 127.0.0.1 forwards every request: its X-Forwarded-For and -Proto are believed.
            ["ForwardedHeaders:BehindProxy"] = "true",
        };
        _process = AppProcess.StartWithSettings(typeof(Program).Assembly.Location, "Development", all);
        await _process.WaitUntilReadyAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
