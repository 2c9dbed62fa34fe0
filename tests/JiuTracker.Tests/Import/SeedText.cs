using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>The seed document as shipped with the app, to import as it is or altered line by line.</summary>
public static class SeedText
{
    public static string Read()
    {
        using var reader = SeedDocument.Open();
        return reader.ReadToEnd();
    }

    /// <summary>The seed with its 1-based line <paramref name="line"/> replaced, after checking it held what the caller expects.</summary>
    public static string WithLine(int line, string expected, string replacement)
    {
        var lines = Read().Split('\n');
        Assert.Equal(expected, lines[line - 1]);
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }
}
