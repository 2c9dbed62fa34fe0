using System.Diagnostics;
using System.Globalization;
using System.Net;
using JiuTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>
/// The built app (<c>dotnet JiuTracker.Web.dll</c>) in a process of its own, started as an operator starts it: an
/// environment, <c>--Key=Value</c> settings, a SQLite file, <c>--urls http://127.0.0.1:port</c>. Every line it writes is kept.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private WebAppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The app as these tests build it, the same assembly a publish contains.</summary>
    public static string AppDll => JiuTracker.Tests.Reliability.RunFolder.AppDll;

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

    /// <param name="port">0 for a free port; the same port again lets a client keep its cookies across a restart.</param>
    public static WebAppProcess Start(string environment, string databasePath, IReadOnlyDictionary<string, string>? settings = null, int port = 0)
    {
        var address = new Uri($"http://127.0.0.1:{(port == 0 ? LoopbackPort.Free() : port)}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { AppDll, "--urls", address.GetLeftPart(UriPartial.Authority), $"--ConnectionStrings:JiuTracker=Data Source={databasePath}" },
            // The content root: appsettings.json (log sinks and all) is read from the app's folder, as a publish runs it.
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["DOTNET_ENVIRONMENT"] = environment },
        };
        var all = new Dictionary<string, string>
        {
            ["Security:SignInAttemptsPerMinute"] = "100000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = new Process { StartInfo = start };
        var app = new WebAppProcess(process, address);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until the app answers HTTP at all (a redirect to HTTPS counts): its start-up work is then done.</summary>
    public async Task WaitUntilServingAsync()
    {
        using var probe = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} instead of serving:{Environment.NewLine}{Output}");
            }

            try
            {
                (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).Dispose();
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Too busy to answer yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not answer at {BaseAddress} within three minutes:{Environment.NewLine}{Output}");
    }

    /// <summary>For an app expected to refuse to start: its exit code, once it has ended on its own.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
    }

    /// <summary>Ends the process the way a service manager does (SIGTERM).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
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
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>A maintenance command (<c>create-admin</c>, <c>import</c>, …) in Production over the SQLite file, with <paramref name="input"/> on standard input.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string databasePath, string input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root: appsettings.json (log sinks and all) is read from the app's folder, as a publish runs it.
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" },
        };
        foreach (var argument in (string[])[AppDll, .. arguments, $"--ConnectionStrings:JiuTracker=Data Source={databasePath}"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Reads the SQLite file directly, as an operator's tool would.</summary>
    public static async Task<T> QueryAsync<T>(string databasePath, Func<JiuDbContext, Task<T>> query)
    {
        await using var db = new JiuDbContext(new DbContextOptionsBuilder<JiuDbContext>().UseSqlite($"Data Source={databasePath}").Options);
        var result = await query(db);
        SqliteConnection.ClearAllPools();
        return result;
    }

    /// <summary>Whether a browser with a fresh cookie jar signs in with these credentials (the login page redirects).</summary>
    public async Task<bool> SignsInAsync(string email, string password)
    {
        using var client = new JiuTracker.Reliability.AppClient(BaseAddress);
        try
        {
            await client.SignInAsync(email, password, CancellationToken.None);
            return (await client.Http.GetAsync(new Uri("/Reports", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
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
}
