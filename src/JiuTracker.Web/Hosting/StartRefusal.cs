namespace JiuTracker.Web.Hosting;

/// <summary>A configuration the app must not serve with: said once on standard error, and the process ends non-zero.</summary>
public static class StartRefusal
{
    public const int ExitCode = 1;

    public static async Task<int> ExitAsync(string reason)
    {
        await Console.Error.WriteLineAsync($"JiuTracker did not start: {reason}");
        return ExitCode;
    }
}
