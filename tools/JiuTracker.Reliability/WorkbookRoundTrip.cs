using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Reliability;

/// <summary>
/// An update workbook's round trip as a focal point makes it: download a report's workbook, type a new comment in one
/// to three rows, upload it, read the preview, apply. Each filled-in row is one <see cref="Edit"/>: applied when the
/// preview listed it as a change and "Apply" was acknowledged, stale when the preview listed it as a conflict.
/// </summary>
public static class WorkbookRoundTrip
{
    /// <param name="Row">The row on the Update sheet.</param>
    public sealed record RowChange(int Row, int RecommendationId, string Subject, string Comment);

    /// <summary>Types a comment in one to three rows of the Update sheet; the columns are found by their headers.</summary>
    public static (byte[] File, List<RowChange> Changes) FillIn(byte[] workbook, Random random, string commentStem)
    {
        using var file = new MemoryStream();
        file.Write(workbook);
        var changes = new List<RowChange>();
        using (var document = SpreadsheetDocument.Open(file, isEditable: true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Update");
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var rows = worksheet.Descendants<Row>().ToList();
            var headers = rows[0].Elements<Cell>().ToDictionary(c => c.InnerText.Trim(), c => Letters(c.CellReference!));
            var data = rows.Skip(1).ToList();
            foreach (var row in data.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(3, data.Count) + 1)))
            {
                var number = row.RowIndex!.Value;
                var comment = $"{commentStem} row {number}";
                var id = int.Parse(Text(row, headers["Row id"]), CultureInfo.InvariantCulture);
                var subject = $"{Text(row, headers["Report"])} recommendation {Text(row, headers["Recommendation"])}";
                Write(row, headers["New comment"] + number, comment);
                changes.Add(new RowChange((int)number, id, subject, comment));
            }

            worksheet.Save();
        }

        return (file.ToArray(), changes);
    }

    /// <summary>Uploads the file on the upload page; the preview, or null with the status when the page refused it.</summary>
    public static async Task<(IHtmlDocument? Preview, int Status)> UploadAsync(AppClient client, byte[] file, CancellationToken ct)
    {
        var page = await client.GetPageAsync("/Updates/Upload", ct);
        var token = page.Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "workbook", "soak-update.xlsx" },
        };
        using var response = await client.Http.PostAsync(new Uri("/Updates/Upload?handler=Preview", UriKind.Relative), content, CancellationToken.None);
        var preview = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(CancellationToken.None));
        return (response.StatusCode == HttpStatusCode.OK && preview.GetElementById("preview") is not null ? preview : null, (int)response.StatusCode);
    }

    /// <summary>The rows the preview lists as in conflict (by their subject, "JIU/REP/2020/8 recommendation 3").</summary>
    public static HashSet<string> Conflicts(IHtmlDocument preview) =>
        [.. preview.QuerySelectorAll("#conflict tbody th").Select(th => th.TextContent.Trim())];

    public static HashSet<string> Changes(IHtmlDocument preview) =>
        [.. preview.QuerySelectorAll("#change tbody th").Select(th => th.TextContent.Trim())];

    /// <summary>
    /// The rows "Apply" did not apply because they changed between the preview and the confirmation, as the page it
    /// redirects to says: "…; not applied because they changed in the app since the download: A, B; …".
    /// </summary>
    public static async Task<(HashSet<string> NotApplied, string Status)> NotAppliedAsync(AppClient client, Uri location, CancellationToken ct)
    {
        var page = await client.GetPageAsync(location.OriginalString, ct);
        var status = page.Document.QuerySelector("[role=status]")?.TextContent
            ?? throw new InvalidOperationException($"The page {location} that \"Apply\" led to says nothing of what was applied.");
        const string marker = "since the download: ";
        var start = status.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return ([], status.Trim());
        }

        // The list ends at the next part of the message ("; …") or at the end of its sentence.
        var list = status[(start + marker.Length)..].Split(';')[0].Split(". ")[0].Trim().TrimEnd('.');
        return ([.. list.Split(", ").Select(s => s.Trim())], status.Trim());
    }

    /// <summary>The preview's "Apply" form, or null when it offers nothing to apply.</summary>
    public static IHtmlFormElement? ApplyForm(IHtmlDocument preview) =>
        preview.QuerySelector<IHtmlFormElement>("form[action*='handler=Apply']");

    private static string Letters(string reference) => new([.. reference.TakeWhile(char.IsAsciiLetter)]);

    private static string Text(Row row, string column) =>
        row.Elements<Cell>().SingleOrDefault(c => Letters(c.CellReference!) == column)?.InnerText.Trim() ?? "";

    private static void Write(Row row, string reference, string text)
    {
        var cell = row.Elements<Cell>().SingleOrDefault(c => c.CellReference == reference)
            ?? throw new InvalidOperationException($"The downloaded workbook has no cell {reference} to fill in.");
        cell.RemoveAllChildren();
        cell.DataType = CellValues.InlineString;
        cell.Append(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
