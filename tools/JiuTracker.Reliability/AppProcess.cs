using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JiuTracker.Reliability;

/// <summary>
/// The built JiuTracker web app (<c>dotnet JiuTracker.Web.dll</c>) in a process of its own, started as an operator
/// starts it: an environment, <c>--Key=Value</c> settings, a SQLite file, <c>--urls http://127.0.0.1:port</c>. Demo
/// mode (demo accounts and data) unless told otherwise; every line it writes is kept. <see cref="Crash"/> kills it
/// with SIGKILL, as <c>kill -9</c> does. The soak and crash runs use it, and so do the tests that need a real process.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int RecentLinesShown = 40;
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote so far, standard output and error.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>The last lines the app wrote, for explaining a failure.</summary>
    public string RecentLog
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.TakeLast(RecentLinesShown));
            }
        }
    }

    /// <summary>In demo mode, with the sign-in limits lifted (every simulated user signs in from 127.0.0.1 within the same minute), once ready.</summary>
    /// <param name="appDll">The built or published <c>JiuTracker.Web.dll</c>.</param>
    /// <param name="port">0 for any free port.</param>
    public static async Task<AppProcess> StartAsync(string appDll, string databasePath, int port, CancellationToken ct)
    {
        var app = Start(appDll, databasePath, "Development", new Dictionary<string, string> { ["Security:SignInAttemptsPerAccountPerMinute"] = "100000" }, port);
        await app.WaitUntilReadyAsync(ct);
        return app;
    }

    /// <summary>Starts the app on a SQLite file and returns at once; wait for it with <see cref="WaitUntilServingAsync"/> or <see cref="WaitForExitAsync"/>.</summary>
    /// <param name="settings">Given as <c>--Key=Value</c>, over the defaults (the sign-in limit per address lifted, logs from warnings up).</param>
    /// <param name="port">0 for a free port; the same port again lets a client keep its cookies across a restart.</param>
    public static AppProcess Start(string appDll, string databasePath, string environment, IReadOnlyDictionary<string, string>? settings = null, int port = 0)
    {
        var all = new Dictionary<string, string> { ["ConnectionStrings:JiuTracker"] = $"Data Source={databasePath}" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return StartWithSettings(appDll, environment, all, port);
    }

    /// <summary>
    /// Starts the app on the database its settings name (<c>Database:Provider</c>, <c>ConnectionStrings:JiuTracker</c>:
    /// PostgreSQL for several instances) and returns at once.
    /// </summary>
    public static AppProcess StartWithSettings(string appDll, string environment, IReadOnlyDictionary<string, string> settings, int port = 0)
    {
        var address = new Uri($"http://127.0.0.1:{(port == 0 ? FreeLoopbackPort() : port)}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appDll, "--urls", address.GetLeftPart(UriPartial.Authority) },
            // The content root: appsettings.json (log sinks and all) is read from the app's folder, as a publish runs it.
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["DOTNET_ENVIRONMENT"] = environment },
        };
        var all = new Dictionary<string, string>
        {
            ["Security:SignInAttemptsPerMinute"] = "100000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>
    /// One of the app's commands (<c>generate</c>, <c>create-admin</c>, …) on the SQLite file, run as an operator runs
    /// it, in Production; throws with what it wrote when it does not succeed.
    /// </summary>
    /// <param name="standardInput">Typed at the command's prompt (a password), or null for none.</param>
    public static async Task<string> RunCommandAsync(string appDll, string databasePath, IEnumerable<string> arguments, string? standardInput, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" },
        };
        start.ArgumentList.Add(appDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--ConnectionStrings:JiuTracker=Data Source={databasePath}");
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList.Skip(1).Take(1))} exited with {process.ExitCode}: {await output}{await errors}");
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200: the database reachable and up to date.</summary>
    public Task WaitUntilReadyAsync(CancellationToken ct) => WaitUntilAsync(status => status == HttpStatusCode.OK, TimeSpan.FromMinutes(3), ct);

    /// <summary>Waits until the app answers HTTP at all (a redirect to HTTPS counts): its start-up work is then done.</summary>
    public Task WaitUntilServingAsync() => WaitUntilAsync(_ => true, TimeSpan.FromMinutes(3), CancellationToken.None);

    /// <summary>For an app expected to refuse to start: its exit code, once it has ended on its own.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
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


    /// <summary>Polls <c>/health/ready</c> until its answer's status is <paramref name="ready"/>; kills the app if it never is.</summary>
    private async Task WaitUntilAsync(Func<HttpStatusCode, bool> ready, TimeSpan patience, CancellationToken ct)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentLog}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (ready(response.StatusCode))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Too busy to answer yet.
            }

            await Task.Delay(200, ct);
        }

        Crash();
        throw new TimeoutException($"The app was not ready at {BaseAddress} within {patience.TotalMinutes} minutes:{Environment.NewLine}{RecentLog}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
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
