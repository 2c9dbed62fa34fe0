using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace JiuTracker.BrowserTests.Accessibility;

/// <summary>
/// axe-core as Deque bundles it (Deque.AxeCore.Commons), run with <c>axe.run</c> inside the page, read into Deque's
/// <see cref="AxeResult"/>. Deque.AxeCore.Playwright's <c>page.RunAxe</c> gives the same answer on pages without
/// frames, but opens a blank browser context for every run to merge the frames' results; on two cores that made the
/// catalog take minutes, and JiuTracker has no frames to merge.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>The rules of WCAG 2.0 and 2.1, levels A and AA; only violations are reported in full.</summary>
    public static object Wcag21AA { get; } = new
    {
        runOnly = new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa" } },
        resultTypes = new[] { "violations" },
    };

    public static async Task<AxeResult> RunAsync(IPage page, object options)
    {
        await page.EvaluateAsync(Source.Value);
        // As text: axe's results share arrays between rules, which the driver would hand over as references.
        var result = await page.EvaluateAsync<string>("async options => JSON.stringify(await axe.run(document, options))", options);
        return new AxeResult(JObject.Parse(result));
    }
}
