using System.Diagnostics;
using System.Net;
using JiuTracker.Reliability;
using JiuTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>
/// The app as these tests build it, in a process of its own (<see cref="AppProcess"/>, the soak and crash runs' too),
/// and what an operator does beside it: a maintenance command, a look into the SQLite file, a sign-in.
/// </summary>
public static class WebAppProcess
{
    /// <summary>The app as these tests build it, the same assembly a publish contains.</summary>
    public static string AppDll => JiuTracker.Tests.Reliability.RunFolder.AppDll;

    /// <inheritdoc cref="AppProcess.Start"/>
    public static AppProcess Start(string environment, string databasePath, IReadOnlyDictionary<string, string>? settings = null, int port = 0) =>
        AppProcess.Start(AppDll, databasePath, environment, settings, port);

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
    public static async Task<bool> SignsInAsync(this AppProcess app, string email, string password)
    {
        using var client = new AppClient(app.BaseAddress);
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
}
