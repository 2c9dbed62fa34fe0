using System.Diagnostics;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Data;

namespace JiuTracker.Tests.ScaleOut;

/// <summary>
/// The app as a process of its own (<c>dotnet JiuTracker.Web.dll</c>) on a port of 127.0.0.1, in demo mode, on a
/// PostgreSQL database it may share with other instances; its output goes to a log file in <paramref name="folder"/>.
/// </summary>
public sealed class AppInstance(string name, string folder, string connectionString) : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public string LogPath => Path.Combine(folder, $"{name}.log");

    /// <summary>Starts the process and waits until it answers that it is ready (database reachable and up to date).</summary>
    public async Task StartAsync()
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("sh")
        {
            ArgumentList = { "-c", "exec dotnet \"$0\" >\"$1\" 2>&1", app, LogPath },
            WorkingDirectory = Path.GetDirectoryName(app)!,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = Address.ToString(),
                ["Database__Provider"] = DatabaseProvider.PostgreSQL.ToString(),
                ["ConnectionStrings__JiuTracker"] = connectionString,
                ["Security__SignInAttemptsPerMinute"] = "1000",
                ["Security__SignInAttemptsPerAccountPerMinute"] = "1000",
                // nginx on 127.0.0.1 forwards every request: its X-Forwarded-For and -Proto are believed.
                ["ForwardedHeaders__BehindProxy"] = "true",
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        _process = Process.Start(start)!;
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Too busy to answer yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"App instance {name} did not become ready: {await File.ReadAllTextAsync(LogPath)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
