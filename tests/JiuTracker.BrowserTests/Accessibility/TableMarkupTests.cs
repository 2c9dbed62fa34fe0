using JiuTracker.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.BrowserTests.Accessibility;

/// <summary>Tables read out properly: real header cells that say what they head, and status marks that are words, not an X.</summary>
public sealed class TableMarkupTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task EveryTableOnEveryPage_HasHeaderCellsWithScope()
    {
        var ids = await CatalogIds.LoadAsync(app);
        await using var session = await app.SignedInAsync(DemoAccounts.Admin);
        var page = session.Page;
        var problems = new List<string>();
        var tables = 0;

        foreach (var visit in PageCatalog.Visits.Where(v => v.Visitors.Contains(Visitor.Administrator) && v.Download is null))
        {
            await page.GotoAsync(visit.Url(ids));
            if (visit.Then is not null)
            {
                await visit.Then(page);
            }

            var found = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('table')].flatMap((table, i) => {
                    const problems = [];
                    if (!table.querySelector('thead th')) problems.push(`table ${i + 1} has no header row of th cells`);
                    for (const th of table.querySelectorAll('th')) {
                        if (!['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope')))
                            problems.push(`table ${i + 1}: <th>${th.textContent.trim().slice(0, 40)}</th> has no scope`);
                    }
                    return problems;
                })
                """);
            tables += await page.Locator("table").CountAsync();
            problems.AddRange(found.Select(problem => $"{visit} ({page.Url}): {problem}"));
        }

        Assert.True(tables > 10, $"Only {tables} tables were found: the catalog no longer reaches the app's tables.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task StatusMarks_InEveryReportMatrix_HaveTextForScreenReaders()
    {
        var reports = await app.QueryAsync(db => db.Reports.Select(r => new { r.Id, r.Symbol }).ToListAsync());
        await using var session = await app.SignedInAsync(DemoAccounts.Management);
        var page = session.Page;
        var problems = new List<string>();
        var marks = 0;

        foreach (var report in reports)
        {
            await page.GotoAsync($"Reports/Details/{report.Id}");
            // What a screen reader reads in each cell that shows an X: the hidden words, never the X itself.
            var cells = await page.EvaluateAsync<string[][]>("""
                () => [...document.querySelectorAll('.matrix tbody td')]
                    .filter(td => td.textContent.includes('X') && td.classList.contains('mark'))
                    .map(td => [
                        td.closest('tr').id,
                        [...td.querySelectorAll('[aria-hidden=true]')].map(e => e.textContent).join(''),
                        [...td.querySelectorAll('.visually-hidden')].map(e => e.textContent.trim()).join('')])
                """);
            marks += cells.Length;
            problems.AddRange(cells
                .Where(cell => cell[1] != "X" || cell[2].Length == 0)
                .Select(cell => $"{report.Symbol} {cell[0]}: the X is {(cell[1] == "X" ? "" : "not ")}hidden from screen readers, words: \"{cell[2]}\""));
            problems.AddRange((await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.matrix tbody td')]
                    .filter(td => !td.classList.contains('mark') && td.textContent.trim() === 'X')
                    .map(td => td.closest('tr').id)
                """)).Select(row => $"{report.Symbol} {row}: a bare X outside the status columns"));
        }

        Assert.True(marks > 20, $"Only {marks} status marks were found in {reports.Count} reports.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
