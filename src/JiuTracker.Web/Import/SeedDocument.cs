namespace JiuTracker.Web.Import;

/// <summary>The "Action required — JIU system-wide reports 2020-2021" document that ships with the app as demo data.</summary>
public static class SeedDocument
{
    public const string FileName = "action-required-2020-2021.txt";

    public static TextReader Open()
    {
        var stream = typeof(SeedDocument).Assembly.GetManifestResourceStream($"JiuTracker.Web.Import.Seed.{FileName}")
            ?? throw new InvalidOperationException($"The seed document {FileName} is not embedded in the application.");
        return new StreamReader(stream);
    }
}
