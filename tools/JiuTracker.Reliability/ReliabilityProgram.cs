using System.Globalization;

namespace JiuTracker.Reliability;

/// <summary>
/// <c>soak --app JiuTracker.Web.dll [--seconds 60] [--users 20] [--database file]</c> and
/// <c>crash --app JiuTracker.Web.dll [--seconds 10] [--crash-after 4] [--users 20] [--database file]</c>:
/// <c>outbox-crash --app JiuTracker.Web.dll [--reports 900] [--kill-at N] [--claim-seconds 5] [--database file]</c>:
/// run the app on 127.0.0.1, drive it, check the database, print the counts; exit 0 when the run proves its point.
/// </summary>
internal static class ReliabilityProgram
{
    private const string Usage = "Usage: soak|crash --app <JiuTracker.Web.dll> [--seconds N] [--users N] [--crash-after N] [--database <file>]\n" +
        "       outbox-crash --app <JiuTracker.Web.dll> [--reports N] [--kill-at N] [--claim-seconds N] [--database <file>]";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("soak" or "crash" or "outbox-crash") || !TryReadOptions(args[1..], out var options) || !options.TryGetValue("app", out var app))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var crash = args[0] == "crash";
        var temporary = options.ContainsKey("database") ? null : Directory.CreateTempSubdirectory("jiutracker-reliability-");
        if (args[0] == "outbox-crash")
        {
            try
            {
                var outbox = await OutboxCrash.RunAsync(new OutboxCrashSettings(
                    Path.GetFullPath(app),
                    Path.GetFullPath(options.GetValueOrDefault("database") ?? Path.Combine(temporary!.FullName, "jiutracker.db")),
                    Reports: Number(options, "reports", 900),
                    KillAt: Number(options, "kill-at", 0),
                    ClaimSeconds: Number(options, "claim-seconds", 5)), CancellationToken.None);
                outbox.Print(Console.Out);
                return outbox.Passed ? 0 : 1;
            }
            finally
            {
                temporary?.Delete(recursive: true);
            }
        }

        var settings = new RunSettings(
            Path.GetFullPath(app),
            Path.GetFullPath(options.GetValueOrDefault("database") ?? Path.Combine(temporary!.FullName, "jiutracker.db")),
            Users: Number(options, "users", 20),
            Duration: TimeSpan.FromSeconds(Number(options, "seconds", crash ? 10 : 60)),
            CrashAfter: TimeSpan.FromSeconds(Number(options, "crash-after", 4)));
        try
        {
            var result = crash ? await Runs.CrashAsync(settings, CancellationToken.None) : await Runs.SoakAsync(settings, CancellationToken.None);
            result.Print(Console.Out);
            return result.Passed ? 0 : 1;
        }
        finally
        {
            temporary?.Delete(recursive: true);
        }
    }

    private static int Number(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    private static bool TryReadOptions(string[] args, out Dictionary<string, string> options)
    {
        options = [];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) ||
                (args[i] is "--seconds" or "--users" or "--crash-after" or "--reports" or "--kill-at" or "--claim-seconds" && !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return false;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return args.Length % 2 == 0;
    }
}
