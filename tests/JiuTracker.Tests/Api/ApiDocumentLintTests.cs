using System.Diagnostics;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Api;

/// <summary>
/// The served <c>/openapi/v1.json</c> passes Redocly CLI's lint (its recommended rules, as <c>tests/openapi-lint/redocly.yaml</c>
/// configures them). The linter is the version <c>tests/openapi-lint/package-lock.json</c> pins, installed with
/// <c>npm ci</c> when missing; without node the test fails saying how to install it, it is never skipped.
/// </summary>
public class ApiDocumentLintTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task TheServedDocument_PassesTheLinter()
    {
        var folder = LintFolder();
        await EnsureLinterAsync(folder);
        var document = Path.Combine(Path.GetTempPath(), $"jiutracker-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await (await app.SignedInClientAsync(DemoAccounts.Auditor)).GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exitCode, output) = await RunAsync(folder, "node", Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", "--config", "redocly.yaml", document);

            Assert.True(exitCode == 0, $"Redocly's lint of /openapi/v1.json failed (exit code {exitCode}):\n{output}");
            // Warnings count too: a document that only warns is still to be fixed (or its rule configured, with the reason).
            Assert.True(output.Contains("Your API description is valid", StringComparison.Ordinal) && !output.Contains("You have ", StringComparison.Ordinal), output);
        }
        finally
        {
            File.Delete(document);
        }
    }

    /// <summary><c>tests/openapi-lint</c>, found upwards from the test's output folder.</summary>
    private static string LintFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "openapi-lint");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No tests/openapi-lint/package-lock.json above {AppContext.BaseDirectory}.");
    }

    private static async Task EnsureLinterAsync(string folder)
    {
        try
        {
            var (code, _) = await RunAsync(folder, "node", "--version");
            Assert.True(code == 0, "node does not run; the OpenAPI lint needs node 20 or later: apt-get install -y nodejs npm.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("node was not found on PATH; the OpenAPI lint needs node 20 or later and npm: apt-get install -y nodejs npm.");
        }

        if (!File.Exists(Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js")))
        {
            var (code, output) = await RunAsync(folder, "npm", "ci", "--no-audit", "--no-fund");
            Assert.True(code == 0, $"npm ci in {folder} failed (exit code {code}); the OpenAPI lint needs @redocly/cli from npm:\n{output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no update check: the machine may have no way out, and the lint must not depend on one.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
