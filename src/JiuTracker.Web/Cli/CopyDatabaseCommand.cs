using JiuTracker.Web.Data;

namespace JiuTracker.Web.Cli;

/// <summary>
/// <c>copy-database --to "&lt;PostgreSQL connection string&gt;"</c>: moves an install up from its SQLite database to an
/// empty PostgreSQL database, in one transaction, and prints the rows of every table on both sides. A target that
/// is not empty is refused and left as it was.
/// </summary>
public static class CopyDatabaseCommand
{
    private const string Usage = "Usage: copy-database --to \"<PostgreSQL connection string>\"   (an empty database; e.g. \"Host=db;Database=jiutracker;Username=jiutracker;Password=...\")";

    public static async Task<int> RunAsync(IServiceProvider services, string[] operands, CancellationToken ct)
    {
        if (operands is not ["--to", var to] || string.IsNullOrWhiteSpace(to))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var from = services.GetRequiredService<DatabaseConnection>();
        if (from.Provider != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync($"Cannot copy: copy-database copies from the configured SQLite database, and {DatabaseConnection.ProviderSetting} is {from.Provider}.");
            return 2;
        }

        CopyOutcome outcome;
        try
        {
            await using var target = DatabaseConnection.PostgreSql(to).CreateContext();
            outcome = await new DatabaseCopy(services.GetRequiredService<JiuDbContext>(), target).RunAsync(ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"Cannot copy; nothing was committed to the target: {e.Message}");
            return 1;
        }

        if (outcome.Refusal is not null)
        {
            await Console.Error.WriteLineAsync($"Cannot copy: {outcome.Refusal} copy-database fills only an empty database; nothing was changed.");
            return 2;
        }

        Console.WriteLine($"{"table",-26} {"SQLite",10} {"PostgreSQL",10}");
        foreach (var count in outcome.Counts)
        {
            Console.WriteLine($"{count.Table,-26} {count.Source,10:N0} {count.Target,10:N0}{(count.Source == count.Target ? "" : "   DIFFERENT")}");
        }

        if (!outcome.Succeeded)
        {
            await Console.Error.WriteLineAsync("The counts differ, so nothing was committed to the target database.");
            return 1;
        }

        Console.WriteLine($"Copied {outcome.Counts.Sum(c => c.Source):N0} rows in {outcome.Counts.Count} tables; every count matches on both sides.");
        return 0;
    }
}
