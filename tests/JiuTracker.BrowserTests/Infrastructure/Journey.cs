using Microsoft.Playwright;
using Xunit.Sdk;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>Runs a journey; when it fails, what each page showed is kept for the person reading the failure.</summary>
public static class Journey
{
    /// <summary>Where failed journeys leave <c>name.png</c> and <c>name.html</c>: the test output folder.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");

    public static Task RunAsync(IPage page, string name, Func<Task> journey) => RunAsync([page], name, journey);

    /// <summary>
    /// Runs <paramref name="journey"/>; on failure saves a full-page screenshot and the HTML of every page (suffixed
    /// with its number when there are several), then rethrows with where they are.
    /// </summary>
    public static async Task RunAsync(IReadOnlyList<IPage> pages, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch (Exception failure)
        {
            var saved = await SaveAsync(pages, name);
            throw new XunitException($"The journey \"{name}\" failed; the pages are saved as {string.Join(", ", saved)}.", failure);
        }
    }

    public static async Task<IReadOnlyList<string>> SaveAsync(IReadOnlyList<IPage> pages, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var saved = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var stem = Path.Combine(ArtifactsDirectory, pages.Count == 1 ? name : $"{name}-{i + 1}");
            try
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
                await File.WriteAllTextAsync(stem + ".html", await pages[i].ContentAsync());
                saved.Add(stem + ".png");
                saved.Add(stem + ".html");
            }
            catch (PlaywrightException unavailable)
            {
                // The page may be gone (closed context, crashed browser): say so instead of hiding the journey's own failure.
                saved.Add($"{stem} (not saved: {unavailable.Message})");
            }
        }

        return saved;
    }
}
