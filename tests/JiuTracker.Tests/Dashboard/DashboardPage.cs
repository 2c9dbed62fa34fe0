using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Dashboard;

/// <summary>Reads the dashboard as a person does: the figures table, the rate cards and the breakdown tables.</summary>
public sealed class DashboardPage(IHtmlDocument document)
{
    public IHtmlDocument Document { get; } = document;

    public static async Task<DashboardPage> OpenAsync(HttpClient client, string query = "") =>
        new(await client.GetDocumentAsync("/Dashboard" + query));

    public int Figure(string figure) =>
        int.Parse(Document.QuerySelector($"#figures tr[data-figure={figure}] td a")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    public string CardText(string heading) => Normalized(
        Document.QuerySelectorAll(".figure-card").Single(c => c.QuerySelector("h3")!.TextContent == heading).TextContent);

    private static string Normalized(string text) => System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"\s+", " ");

    /// <summary>The cells of a breakdown table's rows, keyed by the row's first cell.</summary>
    public Dictionary<string, string[]> Breakdown(string title)
    {
        var table = Document.QuerySelectorAll("table.breakdown").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith(title + ".", StringComparison.Ordinal));
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.ChildNodes[0].TextContent.Trim(),
            row => row.QuerySelectorAll("td").Select(cell => Normalized(cell.TextContent)).ToArray());
    }

    /// <summary>Every number on the page that links to its recommendations: (shown number, drill-down address).</summary>
    public IEnumerable<(int Shown, string Url)> NumberLinks() =>
        Document.QuerySelectorAll("main a[href^='/Dashboard/Recommendations']")
            .Where(a => int.TryParse(a.TextContent.Trim(), out _))
            .Select(a => (int.Parse(a.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture), a.GetAttribute("href")!));
}
