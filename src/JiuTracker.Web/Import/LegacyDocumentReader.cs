using JiuTracker.Web.Import.Reading;

namespace JiuTracker.Web.Import;

/// <summary>
/// Reads the plain-text export of the Word document "Action required — JIU system-wide reports": Table 1 lists the
/// reports, Table 2 holds one status table per report. Bad content never throws: it becomes errors naming the line.
/// </summary>
public static class LegacyDocumentReader
{
    public static LegacyDocumentReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader.ReadToEnd());
    }

    public static LegacyDocumentReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<LegacyDocumentError>();
        var document = ReadDocument(text, errors);

        // nothing partial: a document with any error is not returned at all
        return document is not null && errors.Count == 0
            ? new LegacyDocumentReadResult(document, [])
            : new LegacyDocumentReadResult(null, [.. errors.OrderBy(error => error.Line)]);
    }

    private static LegacyDocument? ReadDocument(string text, List<LegacyDocumentError> errors)
    {
        var layout = DocumentLayout.Find(text, errors);
        if (layout is null)
        {
            return null;
        }

        var listed = ReportListReader.Read(layout, errors);
        var sections = SectionReader.Read(layout, listed, errors);
        return DocumentAssembler.Assemble(listed, sections, errors) is { } document
            ? StatedDateReader.Find(layout.TitleBlock) is { } stated ? document with { StatedDate = stated.Day, StatedDateFrom = stated.From } : document
            : null;
    }
}
