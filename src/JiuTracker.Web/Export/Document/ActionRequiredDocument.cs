using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace JiuTracker.Web.Export.Document;

/// <param name="Reports">The reports in scope, for the title and Table 1.</param>
/// <param name="Snapshots">The reports with their recommendations, read once, a batch at a time.</param>
public sealed record DocumentContent(
    string OrganizationName,
    DateOnly AsOf,
    IReadOnlyList<ReportHeading> Reports,
    Func<IAsyncEnumerable<ReportSnapshot>> Snapshots);

/// <summary>
/// The "Action required — JIU system-wide reports" Word document, A4 landscape: title block, Table 1 (the reports
/// and their focal points), then each report's heading, focal-point line, "· Review Highlights" line (a link to the
/// report's review highlights when it has one) and status table. Written element by element (see
/// <see cref="WordMarkup"/>), so only one report's rows are in memory at a time.
/// </summary>
public static class ActionRequiredDocument
{
    /// <summary>The line under each report's focal points, as the original document has it (its bullet as the text export gives it).</summary>
    public const string ReviewHighlightsLead = "· ", ReviewHighlights = "Review Highlights";

    // A4 landscape in twentieths of a point, with 1.5 cm margins: 15,136 across for the tables.
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 851;

    /// <param name="destination">Writable; the document is streamed into it (see <see cref="StreamedPackage"/>).</param>
    public static async Task WriteAsync(Stream destination, DocumentContent content, CancellationToken ct)
    {
        using var skeleton = new MemoryStream();
        string body, footnotes, footer;
        IReadOnlyDictionary<string, string> reviewHighlights;
        using (var document = WordprocessingDocument.Create(skeleton, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body());
            body = main.Uri.OriginalString.TrimStart('/');
            var footnotesPart = main.AddNewPart<FootnotesPart>();
            footnotesPart.Footnotes = new Footnotes();
            footnotes = footnotesPart.Uri.OriginalString.TrimStart('/');
            DocumentStyles.AddTo(main);
            footer = DocumentStyles.AddFooter(main, content.OrganizationName, content.AsOf, PageWidth - 2 * Margin);
            DocumentProperties.AddTo(document, Title(content), content.OrganizationName, content.AsOf);
            reviewHighlights = AddReviewHighlightsLinks(main, content.Reports);
        }

        using var archive = StreamedPackage.Begin(destination, skeleton, [body, footnotes]);
        IReadOnlyList<string> notes;
        using (var word = new WordMarkup(archive.CreateEntry(body, CompressionLevel.Fastest).Open()))
        {
            WriteTitleBlock(word, content);
            WriteReportList(word, content);
            word.Paragraph("Table 2", DocumentStyles.Heading1);
            await foreach (var report in content.Snapshots().WithCancellation(ct))
            {
                word.Paragraph($"{report.Symbol} {report.Title}", DocumentStyles.Heading2);
                word.Paragraph($"{content.OrganizationName} Focal Point: {string.Join(" and ", report.FocalPoints.Select(f => f.Name))}", keepWithNext: true);
                word.LinkParagraph(ReviewHighlightsLead, ReviewHighlights, reviewHighlights.GetValueOrDefault(report.Symbol), keepWithNext: true);
                StatusTable.Write(word, report, content.OrganizationName);
                word.Paragraph("");
            }

            word.Finish(footer, PageWidth, PageHeight, Margin);
            notes = word.Footnotes;
        }

        WordMarkup.WriteFootnotes(archive.CreateEntry(footnotes, CompressionLevel.Fastest).Open(), notes);
    }

    /// <summary>
    /// An external relationship from the main part to each report's review highlights, by report symbol, made in the
    /// skeleton since the body that refers to them is streamed after it. A report whose address is not a web address
    /// (the form refuses those, but older rows may hold one) gets none, and its line is plain text.
    /// </summary>
    private static Dictionary<string, string> AddReviewHighlightsLinks(MainDocumentPart main, IReadOnlyList<ReportHeading> reports)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (Uri.TryCreate(report.ReviewHighlightsUrl?.Trim(), UriKind.Absolute, out var address)
                && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp))
            {
                links[report.Symbol] = main.AddHyperlinkRelationship(address, isExternal: true).Id;
            }
        }

        return links;
    }

    /// <summary>The years of "2020–2021 JIU UN SYSTEM-WIDE REPORTS", a range with an en dash.</summary>
    public static string YearsCovered(IReadOnlyList<ReportHeading> reports)
    {
        if (reports.Count == 0)
        {
            return "";
        }

        var (first, last) = (reports.Min(r => r.Year), reports.Max(r => r.Year));
        return first == last ? $"{first}" : $"{first}–{last}";
    }

    private static void WriteTitleBlock(WordMarkup word, DocumentContent content)
    {
        word.Paragraph("Action required", DocumentStyles.Title);
        word.Paragraph(ReportsCovered(content), DocumentStyles.Subtitle);
        word.Paragraph("ACCEPTANCE OF RECOMMENDATIONS AND IMPLEMENTATION STATUS", DocumentStyles.Subtitle);
        word.Paragraph($"{content.OrganizationName} — status as of {content.AsOf:yyyy-MM-dd}", DocumentStyles.Subtitle);
        word.Paragraph("Table 1", DocumentStyles.Heading1);
    }

    private static string ReportsCovered(DocumentContent content) => $"{YearsCovered(content.Reports)} JIU UN SYSTEM-WIDE REPORTS".Trim();

    /// <summary>The title the file's properties give.</summary>
    private static string Title(DocumentContent content) =>
        $"Action required — {ReportsCovered(content)}: acceptance of recommendations and implementation status";

    /// <summary>Table 1, a row per report.</summary>
    private static void WriteReportList(WordMarkup word, DocumentContent content)
    {
        int[] widths = [3000, 7136, 5000];
        word.StartTable(widths);
        word.StartRow(header: true);
        word.Cell("REPORT NUMBER", widths[0], bold: true);
        word.Cell("REPORT TITLE", widths[1], bold: true);
        word.Cell($"{content.OrganizationName} FOCAL POINT", widths[2], bold: true);
        word.EndRow();
        foreach (var report in content.Reports)
        {
            word.StartRow();
            word.Cell(report.Symbol, widths[0]);
            word.Cell(report.Title, widths[1]);
            word.Cell(string.Join(" and ", report.FocalPoints.Select(f => f.WithTitleAndUnit)), widths[2]);
            word.EndRow();
        }

        word.EndTable();
    }
}
