using System.Diagnostics;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>One of the app's commands run as an operator runs it: <c>dotnet JiuTracker.Web.dll &lt;command&gt; …</c>, in Production, a process of its own.</summary>
public static class AppCommand
{
    /// <param name="standardInput">Typed at the command's prompt (a password), or null for none.</param>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string workingDirectory, IEnumerable<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" },
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }
}
