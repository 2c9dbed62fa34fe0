using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace JiuTracker.TestSupport;

/// <summary>
/// A SQLite file as the app leaves it after its first start in an environment (migrated; the demo data and accounts in
/// Development), made once per test run by starting the app on an empty file, and copied for each
/// <see cref="JiuTrackerFactory"/> that starts from it. The factories' own starts then run the app's start-up on an
/// existing database, as every start after an install's first does; the first start itself runs once here per
/// environment, and in the tests of demo mode and of commands on their own files.
/// </summary>
public static class StartedDatabaseTemplates
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "jiutracker-tests", $"templates-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private static readonly ConcurrentDictionary<string, Lazy<string>> Files = new();

    static StartedDatabaseTemplates() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder's own clean-up.
            }
        };

    /// <summary>The template for an environment, made on first use.</summary>
    public static string For(string environment) =>
        Files.GetOrAdd(environment, e => new Lazy<string>(() => Make(e), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Copies the template to a database file that does not exist yet.</summary>
    public static void CopyTo(string environment, string databasePath) => File.Copy(For(environment), databasePath);

    private static string Make(string environment)
    {
        Directory.CreateDirectory(Folder);
        var template = Path.Combine(Folder, $"{environment}.db");
        using var app = new FirstStart(environment);
        _ = app.Services;
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var copy = connection.CreateCommand();
            // A consistent copy of the whole file, whatever its write-ahead log holds.
            copy.CommandText = "VACUUM INTO $target";
            copy.Parameters.AddWithValue("$target", template);
            copy.ExecuteNonQuery();
        }

        return template;
    }

    /// <summary>The app's first start on an empty file, which the template keeps.</summary>
    private sealed class FirstStart(string environment) : JiuTrackerFactory
    {
        protected override string Environment => environment;

        protected override bool StartsFromTemplate => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("https_port", "443");
        }
    }
}
