namespace JiuTracker.Web.Cli;

/// <summary>
/// Maintenance commands run instead of the web server: <c>dotnet run -- import &lt;file&gt;</c>,
/// <c>dotnet run -- create-admin --email &lt;address&gt;</c>, <c>dotnet run -- backup &lt;file&gt;</c>,
/// <c>dotnet run -- copy-database --to "&lt;PostgreSQL connection string&gt;"</c>,
/// <c>dotnet run -- apply-workbook &lt;file&gt; --as &lt;email&gt; [--dry-run]</c>.
/// Settings may follow as <c>--Key=Value</c> (e.g. <c>--ConnectionStrings:JiuTracker=...</c>).
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], CancellationToken, Task<int>>> Commands = new()
    {
        ["import"] = ImportCommand.RunAsync,
        ["create-admin"] = CreateAdminCommand.RunAsync,
        ["backup"] = BackupCommand.RunAsync,
        ["generate"] = GenerateCommand.RunAsync,
        ["copy-database"] = CopyDatabaseCommand.RunAsync,
        ["apply-workbook"] = ApplyWorkbookCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>The arguments the host's configuration should see: for a command, only its --Key=Value settings.</summary>
    public static string[] HostArguments(string[] args) =>
        IsCommand(args) ? [.. args.Skip(1).Where(IsSetting)] : args;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var command = Commands[args[0]];
        var operands = args.Skip(1).Where(a => !IsSetting(a)).ToArray();
        using var scope = services.CreateScope();
        return await command(scope.ServiceProvider, operands, CancellationToken.None);
    }

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);
}
