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
/// and their focal points), then each report's heading, focal-point line and status table. Written element by
/// element (see <see cref="WordMarkup"/>), so only one report's rows are in memory at a time.
/// </summary>
public static class ActionRequiredDocument
{
    // A4 landscape in twentieths of a point, with 2 cm margins.
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 1134;

    /// <param name="destination">Writable; the document is streamed into it (see <see cref="StreamedPackage"/>).</param>
    public static async Task WriteAsync(Stream destination, DocumentContent content, CancellationToken ct)
    {
        using var skeleton = new MemoryStream();
        string body, footnotes;
        using (var document = WordprocessingDocument.Create(skeleton, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body());
            body = main.Uri.OriginalString.TrimStart('/');
            var footnotesPart = main.AddNewPart<FootnotesPart>();
            footnotesPart.Footnotes = new Footnotes();
            footnotes = footnotesPart.Uri.OriginalString.TrimStart('/');
        }

        using var archive = StreamedPackage.Begin(destination, skeleton, [body, footnotes]);
        IReadOnlyList<string> notes;
        using (var word = new WordMarkup(archive.CreateEntry(body, CompressionLevel.Fastest).Open()))
        {
            WriteTitleBlock(word, content);
            WriteReportList(word, content);
            word.Paragraph("Table 2", bold: true);
            await foreach (var report in content.Snapshots().WithCancellation(ct))
            {
                word.Paragraph($"{report.Symbol} {report.Title}", bold: true);
                word.Paragraph($"{content.OrganizationName} Focal Point: {string.Join(" and ", report.FocalPoints.Select(f => f.Name))}");
                StatusTable.Write(word, report, content.OrganizationName);
                word.Paragraph("");
            }

            word.Finish(PageWidth, PageHeight, Margin);
            notes = word.Footnotes;
        }

        WordMarkup.WriteFootnotes(archive.CreateEntry(footnotes, CompressionLevel.Fastest).Open(), notes);
    }

    /// <summary>"2020- 2021 JIU UN SYSTEM-WIDE REPORTS", as the organization has always titled it.</summary>
    public static string YearsCovered(IReadOnlyList<ReportHeading> reports)
    {
        if (reports.Count == 0)
        {
            return "";
        }

        var (first, last) = (reports.Min(r => r.Year), reports.Max(r => r.Year));
        return first == last ? $"{first}" : $"{first}- {last}";
    }

    private static void WriteTitleBlock(WordMarkup word, DocumentContent content)
    {
        word.Paragraph("Action required", bold: true, fontSize: 32, centered: true);
        word.Paragraph($"{YearsCovered(content.Reports)} JIU UN SYSTEM-WIDE REPORTS".Trim(), bold: true, fontSize: 28, centered: true);
        word.Paragraph("ACCEPTANCE OF RECOMMENDATIONS AND IMPLEMENTATION STATUS", bold: true, centered: true);
        word.Paragraph($"{content.OrganizationName} — status as of {content.AsOf:yyyy-MM-dd}", centered: true);
        word.Paragraph("Table 1", bold: true);
    }

    /// <summary>Table 1, a row per report.</summary>
    private static void WriteReportList(WordMarkup word, DocumentContent content)
    {
        int[] widths = [3000, 6570, 5000];
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
