using System.Globalization;
using JiuTracker.Web.Data;
using JiuTracker.Web.Import;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Cli;

/// <summary>
/// <c>import &lt;file&gt; [--as-of yyyy-MM-dd]</c>: reads an "Action required" document and stores its new reports, all
/// or nothing, their statuses dated at the day given or else the day the document states (decision 034).
/// </summary>
public static class ImportCommand
{
    private const string Usage =
        "Usage: import <file> [--as-of yyyy-MM-dd]   (an \"Action required\" document saved as plain text; --as-of is the day " +
        "its statuses are as of, by default the date the document states)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] operands, CancellationToken ct)
    {
        string named;
        string? asOfText = null;
        switch (operands)
        {
            case [var only] when !only.StartsWith("--", StringComparison.Ordinal):
                named = only;
                break;
            case [var first, "--as-of", var day] when !first.StartsWith("--", StringComparison.Ordinal):
                (named, asOfText) = (first, day);
                break;
            case ["--as-of", var day, var last] when !last.StartsWith("--", StringComparison.Ordinal):
                (named, asOfText) = (last, day);
                break;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }

        DateOnly? given = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await Console.Error.WriteLineAsync($"Cannot import: --as-of \"{asOfText}\" is not a date; write it as yyyy-MM-dd (e.g. 2021-12-31). Nothing was imported.");
                return 2;
            }

            given = day;
        }

        var path = Path.GetFullPath(named);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"Cannot import: there is no file {path}.");
            return 2;
        }

        DocumentFileText file;
        await using (var stream = File.OpenRead(path))
        {
            file = await DocumentFile.ReadAsync(stream, Path.GetFileName(path), services.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes, ct);
        }

        if (!file.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Cannot import: {file.Refusal} Nothing was imported.");
            return 1;
        }

        var read = LegacyDocumentReader.Read(file.Text!);
        if (!read.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Cannot import {path}: nothing was imported. {read.Errors.Count} problem(s):");
            foreach (var error in read.Errors)
            {
                await Console.Error.WriteLineAsync($"  {error}");
            }

            return 1;
        }

        if ((given ?? read.Document!.StatedDate) is not { } asOf)
        {
            await Console.Error.WriteLineAsync(
                $"Cannot import {path}: the document states no date its statuses are as of (no \"as of <date>\" and no year range in its title). " +
                "Give it with --as-of yyyy-MM-dd. Nothing was imported.");
            return 2;
        }

        if (LegacyDocumentImporter.AsOfProblem(asOf, services.GetRequiredService<TimeProvider>()) is { } problem)
        {
            await Console.Error.WriteLineAsync($"Cannot import: {problem} Nothing was imported.");
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        Console.WriteLine(given is null
            ? $"Statuses as of {Day(asOf)}: the date the document states."
            : $"Statuses as of {Day(asOf)}: the day given with --as-of.");
        var outcome = await services.GetRequiredService<LegacyDocumentImporter>().ImportAsync(
            read.Document!, asOf, Path.GetFileName(path), $"import command (run by {Environment.UserName})", ct);
        Print(outcome);
        return 0;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Print(ImportOutcome outcome)
    {
        foreach (var report in outcome.Created)
        {
            Console.WriteLine($"Created {report.Symbol} \"{report.Title}\": {report.Recommendations} recommendations; focal points: {string.Join("; ", report.FocalPoints)}");
        }

        foreach (var symbol in outcome.AlreadyRegistered)
        {
            Console.WriteLine($"Skipped {symbol}: already registered, left unchanged.");
        }

        Console.WriteLine(
            $"Imported {outcome.Created.Count} reports, {outcome.RecommendationsCreated} recommendations, " +
            $"{outcome.FocalPointsCreated} new focal points; {outcome.AlreadyRegistered.Count} reports already registered.");
    }
}
