namespace JiuTracker.Web.Import.Reading;

/// <summary>The document's lines split at its "Table 1" and "Table 2" paragraphs, classified and grouped into cells.</summary>
/// <param name="ReportListLine">The 1-based line of the "Table 1" paragraph.</param>
/// <param name="ReportList">The cells of Table 1.</param>
/// <param name="Sections">The cells and landmarks of Table 2.</param>
/// <param name="TitleBlock">The lines before "Table 1": the document's title, which may state the day it is as of.</param>
internal sealed record DocumentLayout(int ReportListLine, IReadOnlyList<SourceLine> ReportList, IReadOnlyList<SourceLine> Sections, IReadOnlyList<string> TitleBlock)
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>The layout, or null with one error saying why the text is not an "Action required" document.</summary>
    public static DocumentLayout? Find(string text, List<LegacyDocumentError> errors)
    {
        var body = text.StartsWith(ByteOrderMark) ? text[1..] : text;
        var textProblem = TextProblem(body);
        if (textProblem is not null)
        {
            errors.Add(new LegacyDocumentError(1, null, null, textProblem));
            return null;
        }

        var lines = SplitLines(body);
        var reportList = lines.FindIndex(line => LineClassifier.IsTableStart(line, 1));
        var sections = lines.FindIndex(line => LineClassifier.IsTableStart(line, 2));
        var layoutProblem = LayoutProblem(reportList, sections);
        if (layoutProblem is not null)
        {
            errors.Add(layoutProblem);
            return null;
        }

        return new DocumentLayout(
            reportList + 1,
            CellGrouper.Group(LineClassifier.Classify(lines[(reportList + 1)..sections], reportList + 2, inSections: false)),
            CellGrouper.Group(LineClassifier.Classify(lines[(sections + 1)..], sections + 2, inSections: true)),
            lines[..reportList]);
    }

    private static string? TextProblem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "the document is empty";
        }

        return LooksBinary(text)
            ? "the document is not plain text (it holds NUL or other control characters); export the Word document as plain text"
            : null;
    }

    // a stray control character can survive an export; a binary file has NULs or many of them
    private static bool LooksBinary(string text) =>
        text.Contains('\0') || text.Count(IsStrayControl) * 100 > text.Length;

    private static bool IsStrayControl(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f' or '\v');

    private static LegacyDocumentError? LayoutProblem(int reportList, int sections)
    {
        if (reportList < 0)
        {
            return new LegacyDocumentError(1, null, null, "no \"Table 1\" line: the document does not list its reports, so it is not an \"Action required\" document");
        }

        if (sections < 0)
        {
            return new LegacyDocumentError(1, null, null, "no \"Table 2\" line: the document has no status tables per report");
        }

        return sections < reportList
            ? new LegacyDocumentError(sections + 1, null, null, "\"Table 2\" comes before \"Table 1\"")
            : null;
    }

    // StringReader accepts LF, CRLF and CR alike, and so keeps line numbers as an editor shows them
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
