using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JiuTracker.Reliability;

/// <summary>
/// A save of a report's whole matrix (<c>/Reports/Update/{id}</c>) that changes a few of its rows: each changed row is
/// one <see cref="Edit"/> with its own comment, and each gets its own outcome, since a stale row is refused while the
/// others are saved.
/// </summary>
public static class WholeReportSave
{
    /// <summary>The rows a user changes in one save, each with its new comment and, now and then, implementation status.</summary>
    public sealed record RowChange(int Index, int RecommendationId, int Number, string Comment, string? Implementation);

    /// <summary>Picks one to three rows of the form and changes them as a person would.</summary>
    public static List<RowChange> ChooseRows(IHtmlFormElement form, Random random, string commentStem)
    {
        var rows = form.QuerySelectorAll<IHtmlInputElement>("input[name$='].Id']").ToList();
        return [.. rows.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(3, rows.Count) + 1)).Select(idInput =>
        {
            var index = int.Parse(idInput.Name!["Rows[".Length..idInput.Name!.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            var number = int.Parse(idInput.Closest("tr")!.Id!["recommendation-".Length..], CultureInfo.InvariantCulture);
            return new RowChange(index, int.Parse(idInput.Value, CultureInfo.InvariantCulture), number, $"{commentStem} row {number}", NewImplementation(form, index, random));
        })];
    }

    public static Dictionary<string, string> Values(IEnumerable<RowChange> changes)
    {
        var values = new Dictionary<string, string>();
        foreach (var change in changes)
        {
            values[$"Rows[{change.Index}].NewComment"] = change.Comment;
            if (change.Implementation is not null)
            {
                values[$"Rows[{change.Index}].Implementation"] = change.Implementation;
            }
        }

        return values;
    }

    /// <summary>Each changed row's outcome, read from the app's answer.</summary>
    public static async Task<IReadOnlyDictionary<RowChange, (EditOutcome Outcome, string? Detail)>> ClassifyAsync(HttpResponseMessage response, IReadOnlyList<RowChange> changes)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return All(changes, EditOutcome.Acknowledged, null);
        }

        if (status >= 500)
        {
            return All(changes, EditOutcome.ServerError, status.ToString(CultureInfo.InvariantCulture));
        }

        var body = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
        if (status == 200 && body.Contains("saved this report at the same moment", StringComparison.Ordinal))
        {
            return All(changes, EditOutcome.Conflict, null);
        }

        if (status == 200 && body.Contains("because someone else saved them after you opened the form", StringComparison.Ordinal))
        {
            return changes.ToDictionary(c => c, c => page.GetElementById($"conflict-{c.Number}") is null
                ? (EditOutcome.Acknowledged, (string?)null)
                : (EditOutcome.Conflict, null));
        }

        return All(changes, EditOutcome.OtherRefusal, $"{status}: {page.QuerySelector(".validation-summary-errors")?.TextContent.Trim()}");
    }

    private static Dictionary<RowChange, (EditOutcome, string?)> All(IEnumerable<RowChange> changes, EditOutcome outcome, string? detail) =>
        changes.ToDictionary(c => c, _ => (outcome, detail));

    /// <summary>For an accepted row, half the time another implementation status than the one shown.</summary>
    private static string? NewImplementation(IHtmlFormElement form, int index, Random random)
    {
        var acceptance = form.QuerySelector<IHtmlSelectElement>($"select[name='Rows[{index}].Acceptance']")?.Value;
        var implementation = form.QuerySelector<IHtmlSelectElement>($"select[name='Rows[{index}].Implementation']");
        if (acceptance != "Accepted" || implementation is null || random.Next(2) == 0)
        {
            return null;
        }

        var others = implementation.Options.Select(o => o.Value).Where(v => v.Length > 0 && v != implementation.Value).ToList();
        return others.Count == 0 ? null : others[random.Next(others.Count)];
    }
}
