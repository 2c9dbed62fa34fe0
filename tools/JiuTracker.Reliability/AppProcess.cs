using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JiuTracker.Reliability;

/// <summary>
/// The JiuTracker web app in a process of its own, in demo mode (demo accounts and data) on 127.0.0.1 only, over the
/// SQLite file it is given. <see cref="Crash"/> kills it with SIGKILL, as <c>kill -9</c> does.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int LogLinesKept = 40;
    private readonly Process _process;
    private readonly Queue<string> _log = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the app wrote, for explaining a failure.</summary>
    public string RecentLog
    {
        get
        {
            lock (_log)
            {
                return string.Join(Environment.NewLine, _log);
            }
        }
    }

    /// <param name="appDll">The built or published <c>JiuTracker.Web.dll</c>.</param>
    /// <param name="port">0 for any free port.</param>
    public static async Task<AppProcess> StartAsync(string appDll, string databasePath, int port, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{(port == 0 ? FreeLoopbackPort() : port)}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                appDll, "--urls", address.ToString().TrimEnd('/'),
                $"--ConnectionStrings:JiuTracker=Data Source={databasePath}",
                // Every simulated user signs in from 127.0.0.1 within the same minute.
                "--Security:SignInAttemptsPerMinute=100000",
                "--Security:SignInAttemptsPerAccountPerMinute=100000",
                "--Serilog:MinimumLevel:Default=Warning",
            },
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development" },
        };
        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync(ct);
        return app;
    }

    /// <summary>Ends the process at once, with no chance to finish a request or close the database: SIGKILL.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>Ends the process the way a service manager does (SIGTERM), letting it finish what it is doing.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Crash();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentLog}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, ct);
        }

        Crash();
        throw new TimeoutException($"The app was not ready at {BaseAddress} within two minutes:{Environment.NewLine}{RecentLog}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLinesKept)
            {
                _log.Dequeue();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
