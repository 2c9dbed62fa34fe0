using JiuTracker.Reliability;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Tests.Reliability;

/// <summary>A temporary folder for a database the app process creates itself (in demo mode), deleted afterwards.</summary>
public sealed class RunFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("jiutracker-tests-");

    public string FullName => _folder.FullName;

    public string DatabasePath => Path.Combine(_folder.FullName, "jiutracker.db");

    public string PathOf(string fileName) => Path.Combine(_folder.FullName, fileName);

    /// <summary>The app as these tests build it, the same assembly a publish contains.</summary>
    public static string AppDll => typeof(Program).Assembly.Location;

    public RunSettings Settings(int users, TimeSpan duration, TimeSpan crashAfter = default) =>
        new(AppDll, DatabasePath, users, duration, crashAfter);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
