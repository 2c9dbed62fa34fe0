using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>The documents the legacy-document tests read: the seed shipped with the web app, and the ones under Documents/.</summary>
internal static class TestDocuments
{
    /// <summary>The seed document exactly as the app ships it.</summary>
    public static string SeedText()
    {
        using var reader = SeedDocument.Open();
        return reader.ReadToEnd();
    }

    /// <summary>The seed with its 1-based line <paramref name="line"/> replaced, after checking it held what the caller expects.</summary>
    public static string SeedWithLine(int line, string expected, string replacement)
    {
        var lines = SeedText().Split('\n');
        Assert.Equal(expected, lines[line - 1]);
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    public static string Text(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Documents", fileName));

    public static LegacyDocument ReadSucceeding(string text)
    {
        var result = LegacyDocumentReader.Read(text);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Document!;
    }

    public static LegacyRecommendation Recommendation(this LegacyDocument document, string symbol, int number) =>
        document.Reports.Single(report => report.Symbol.ToString() == symbol).Recommendations.Single(recommendation => recommendation.Number == number);
}
