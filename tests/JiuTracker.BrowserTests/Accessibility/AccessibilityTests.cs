using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JiuTracker.BrowserTests.Accessibility;

/// <summary>axe-core on every page each visitor can reach: no violation of a WCAG 2.0/2.1 level A or AA rule.</summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<Visitor> Visitors => [.. Enum.GetValues<Visitor>()];

    [Fact]
    public async Task AxeRun_ReportsTheViolationsOfAPage()
    {
        await using var session = await app.NewSessionAsync();
        await session.Page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main>" +
            "<img src=\"chart.png\"><input type=\"text\" name=\"q\"></main></body></html>");

        var result = await Axe.RunAsync(session.Page, Axe.Wcag21AA);

        Assert.Equal(["image-alt", "label"], result.Violations.Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AxeRun_FindsWhatDequesRunAxeFinds_OnAnAppPage()
    {
        await using var session = await app.SignedInAsync(PageCatalog.EmailOf(Visitor.Management));
        var page = session.Page;
        await page.GotoAsync("Dashboard");
        // Three faults added to a real page, so both runners have something to find among the app's own markup.
        await page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
                '<img src="/favicon.ico"><input type="text" name="unlabelled"><a href="/Reports"></a>')
            """);

        var ours = await Axe.RunAsync(page, Axe.Wcag21AA);
        var deques = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });

        static IEnumerable<string> Found(AxeResult result) =>
            result.Violations.SelectMany(v => v.Nodes.Select(n => $"{v.Id} {n.Html}")).Order(StringComparer.Ordinal);
        Assert.Equal(["image-alt", "label", "link-name"], ours.Violations.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Found(deques), Found(ours));
    }

    [Fact]
    public void EveryRazorPage_IsInTheCatalog()
    {
        var routed = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var catalogued = PageCatalog.Visits.Select(visit => visit.Page).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(routed);
        Assert.Empty(routed.Except(catalogued).Order(StringComparer.Ordinal));
        Assert.Empty(catalogued.Except(routed).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task EveryPageTheVisitorReaches_HasNoWcag21LevelAOrAAViolations(Visitor visitor)
    {
        var ids = await CatalogIds.LoadAsync(app);
        await using var session = visitor == Visitor.Anonymous
            ? await app.NewSessionAsync()
            : await app.SignedInAsync(PageCatalog.EmailOf(visitor));
        if (visitor == Visitor.Anonymous)
        {
            // The first form a context opens sets its antiforgery cookie: set it once, before the tabs race to set it.
            await session.Page.GotoAsync("Account/Login");
        }

        // A few pages at a time in the visitor's context: axe spends most of its time waiting on the browser.
        using var slots = new SemaphoreSlim(3);
        var visits = PageCatalog.Visits.Where(v => v.Visitors.Contains(visitor)).Select(async visit =>
        {
            await slots.WaitAsync();
            try
            {
                return await CheckAsync(session.Context, visitor, visit, ids);
            }
            finally
            {
                slots.Release();
            }
        });
        var problems = (await Task.WhenAll(visits)).SelectMany(p => p).ToList();

        Assert.True(problems.Count == 0, $"As {visitor}:\n{string.Join("\n", problems)}");
    }

    /// <summary>A page that answers a file: the visitor gets it as an attachment of its type, not a page to scan.</summary>
    private static async Task<IReadOnlyList<string>> CheckDownloadAsync(IPage page, PageVisit visit, string url, string contentType)
    {
        var response = await page.APIRequest.GetAsync(url);
        var headers = response.Headers;
        var problems = new List<string>();
        if (response.Status != visit.Status)
        {
            problems.Add($"{visit} (/{url}) answered {response.Status} instead of {visit.Status}.");
        }

        if (!headers.TryGetValue("content-type", out var type) || !type.StartsWith(contentType, StringComparison.Ordinal))
        {
            problems.Add($"{visit} (/{url}) answered {type ?? "no content type"} instead of {contentType}.");
        }

        if (!headers.TryGetValue("content-disposition", out var disposition) || !disposition.StartsWith("attachment", StringComparison.Ordinal))
        {
            problems.Add($"{visit} (/{url}) is not an attachment (Content-Disposition: {disposition ?? "none"}).");
        }

        return problems;
    }

    /// <summary>Opens the visit's page in a tab of its own, brings it to its state and runs axe; answers what is wrong.</summary>
    private static async Task<IReadOnlyList<string>> CheckAsync(IBrowserContext context, Visitor visitor, PageVisit visit, CatalogIds ids)
    {
        var page = await context.NewPageAsync();
        try
        {
            var url = visit.Url(ids);
            if (visit.Download is { } contentType)
            {
                return await CheckDownloadAsync(page, visit, url, contentType);
            }

            var response = await page.GotoAsync(url);
            if (response?.Status != visit.Status)
            {
                return [$"{visit} (/{url}) answered {response?.Status} instead of {visit.Status}."];
            }

            if (visit.Then is not null)
            {
                try
                {
                    await visit.Then(page);
                }
                catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
                {
                    var shown = await Journey.SaveAsync([page], $"axe-{visitor}-{visit.Name.Replace(' ', '-')}");
                    return [$"{visit} (/{url}) could not be brought to its state: {failure.Message} [page saved as {shown[^1]}]"];
                }
            }

            var result = await Axe.RunAsync(page, Axe.Wcag21AA);
            if (result.Violations.Length == 0)
            {
                return [];
            }

            var saved = await Journey.SaveAsync([page], $"axe-{visitor}-{visit.Name.Replace(' ', '-')}");
            return [.. result.Violations.Select(violation =>
                $"{visit} (/{url}): {violation.Id} ({violation.Impact}) {violation.Help}: " +
                string.Join(" | ", violation.Nodes.Select(node => $"{node.Target} {node.Html}")) +
                $" [page saved as {saved[^1]}]")];
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
