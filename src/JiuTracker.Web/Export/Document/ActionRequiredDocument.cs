using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static JiuTracker.Web.Export.Document.WordElements;

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
/// element, so only one report's rows are in memory at a time.
/// </summary>
public static class ActionRequiredDocument
{
    // A4 landscape in twentieths of a point, with 2 cm margins.
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 1134;

    /// <param name="destination">Writable; the document is streamed into it (see <see cref="StreamedPackage"/>).</param>
    public static async Task WriteAsync(Stream destination, DocumentContent content, CancellationToken ct)
    {
        using var skeleton = new MemoryStream();
        string body;
        using (var document = WordprocessingDocument.Create(skeleton, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body());
            body = main.Uri.OriginalString.TrimStart('/');
        }

        using var archive = StreamedPackage.Begin(destination, skeleton, [body]);
        await using var part = archive.CreateEntry(body, System.IO.Compression.CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument();
        writer.WriteStartElement(new DocumentFormat.OpenXml.Wordprocessing.Document());
        writer.WriteStartElement(new Body());
        foreach (var element in TitleBlock(content))
        {
            writer.WriteElement(element);
        }

        WriteReportList(writer, content);
        writer.WriteElement(Paragraph("Table 2", bold: true));
        await foreach (var report in content.Snapshots().WithCancellation(ct))
        {
            writer.WriteElement(Paragraph($"{report.Symbol} {report.Title}", bold: true));
            writer.WriteElement(Paragraph($"{content.OrganizationName} Focal Point: {string.Join(" and ", report.FocalPoints.Select(f => f.Name))}"));
            writer.WriteElement(StatusTable.For(report, content.OrganizationName));
            writer.WriteElement(Paragraph(""));
        }

        writer.WriteElement(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin }));
        writer.WriteEndElement();
        writer.WriteEndElement();
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

    private static IEnumerable<OpenXmlElement> TitleBlock(DocumentContent content)
    {
        yield return Paragraph("Action required", bold: true, fontSize: "32", justification: JustificationValues.Center);
        yield return Paragraph($"{YearsCovered(content.Reports)} JIU UN SYSTEM-WIDE REPORTS".Trim(), bold: true, fontSize: "28", justification: JustificationValues.Center);
        yield return Paragraph("ACCEPTANCE OF RECOMMENDATIONS AND IMPLEMENTATION STATUS", bold: true, justification: JustificationValues.Center);
        yield return Paragraph($"{content.OrganizationName} — status as of {content.AsOf:yyyy-MM-dd}", justification: JustificationValues.Center);
        yield return Paragraph("Table 1", bold: true);
    }

    /// <summary>Table 1 row by row: it has a row per report, so it is never built whole in memory.</summary>
    private static void WriteReportList(OpenXmlWriter writer, DocumentContent content)
    {
        int[] widths = [3000, 6570, 5000];
        writer.WriteStartElement(new Table());
        foreach (var frame in Table(widths).ChildElements)
        {
            writer.WriteElement(frame);
        }

        writer.WriteElement(HeaderRow(
            Cell("REPORT NUMBER", widths[0], bold: true),
            Cell("REPORT TITLE", widths[1], bold: true),
            Cell($"{content.OrganizationName} FOCAL POINT", widths[2], bold: true)));
        foreach (var report in content.Reports)
        {
            writer.WriteElement(new TableRow(
                Cell(report.Symbol, widths[0]),
                Cell(report.Title, widths[1]),
                Cell(string.Join(" and ", report.FocalPoints.Select(f => f.WithTitleAndUnit)), widths[2])));
        }

        writer.WriteEndElement();
    }
}
