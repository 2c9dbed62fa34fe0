using JiuTracker.Web.Data;
using JiuTracker.Web.Import;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Cli;

/// <summary><c>import &lt;file&gt;</c>: reads an "Action required" document and stores its new reports, all or nothing.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] operands, CancellationToken ct)
    {
        if (operands.Length != 1)
        {
            await Console.Error.WriteLineAsync("Usage: import <file>   (an \"Action required\" document saved as plain text)");
            return 2;
        }

        var path = Path.GetFullPath(operands[0]);
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

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var outcome = await services.GetRequiredService<LegacyDocumentImporter>().ImportAsync(read.Document!, Path.GetFileName(path), $"import command (run by {Environment.UserName})", ct);
        Print(outcome);
        return 0;
    }

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
