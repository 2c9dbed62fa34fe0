namespace JiuTracker.Web.Export.Document;

/// <summary>
/// The few Word building blocks the "Action required" document is made of, written as the document part's XML
/// through <see cref="Utf8Markup"/>: the status tables are a dozen cells per recommendation, and building an SDK
/// element per cell, paragraph and run, then writing each through an XmlWriter, cost more than the rest of the export.
/// </summary>
internal sealed class WordMarkup : IDisposable
{
    /// <summary>Font sizes are in half-points: the body's 10 pt (see <see cref="DocumentStyles"/>).</summary>
    public const int TableFontSize = 20;

    /// <summary>For the narrow status columns' headers.</summary>
    public const int SmallFontSize = 14;

    /// <summary>In a cell's text, a line break inside its paragraph (Word's own character for it).</summary>
    public const char LineBreak = '\v';

    private readonly Utf8Markup _xml;
    private readonly List<string> _footnotes = [];

    /// <param name="part">The document part; closed with the writer.</param>
    public WordMarkup(Stream part)
    {
        _xml = new Utf8Markup(part, leaveOpen: false);
        _xml.Markup("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"u8);
    }

    /// <param name="style">A paragraph style's id from <see cref="DocumentStyles"/>; Normal when null.</param>
    /// <param name="keepWithNext">Kept on the page of what follows (a report's focal-point line, with its table).</param>
    public void Paragraph(string text, string? style = null, bool keepWithNext = false)
    {
        StartParagraph(style, keepWithNext);
        Run(text, bold: false, fontSize: null);
        _xml.Markup("</w:p>"u8);
    }

    /// <summary>
    /// A paragraph of <paramref name="lead"/> then <paramref name="text"/>, the latter a hyperlink in the Hyperlink
    /// style when <paramref name="relationship"/> is given (the id of the main part's external relationship to its
    /// address), plain otherwise.
    /// </summary>
    public void LinkParagraph(string lead, string text, string? relationship, bool keepWithNext = false)
    {
        StartParagraph(null, keepWithNext);
        Run(lead, bold: false, fontSize: null);
        if (relationship is null)
        {
            Run(text, bold: false, fontSize: null);
        }
        else
        {
            _xml.Markup("<w:hyperlink r:id=\""u8);
            _xml.Text(relationship);
            _xml.Markup("\" w:history=\"1\"><w:r><w:rPr><w:rStyle w:val=\""u8);
            _xml.Text(DocumentStyles.Hyperlink);
            _xml.Markup("\" /></w:rPr><w:t xml:space=\"preserve\">"u8);
            _xml.Text(text);
            _xml.Markup("</w:t></w:r></w:hyperlink>"u8);
        }

        _xml.Markup("</w:p>"u8);
    }

    private void StartParagraph(string? style, bool keepWithNext)
    {
        _xml.Markup("<w:p>"u8);
        if (style is not null || keepWithNext)
        {
            _xml.Markup("<w:pPr>"u8);
            if (style is not null)
            {
                _xml.Markup("<w:pStyle w:val=\""u8);
                _xml.Text(style);
                _xml.Markup("\" />"u8);
            }

            _xml.Markup(keepWithNext ? "<w:keepNext /></w:pPr>"u8 : "</w:pPr>"u8);
        }
    }

    /// <summary>The footnotes referred to so far, in order: the first is footnote 1 (ids -1 and 0 are the separators).</summary>
    public IReadOnlyList<string> Footnotes => _footnotes;

    /// <summary>A cell whose text keeps its line breaks as paragraphs; a cell always holds at least one paragraph.</summary>
    /// <param name="verticalMerge">"restart" or "continue".</param>
    /// <param name="footnote">A footnote's text, referred to at the end of the cell's text (see <see cref="WriteFootnotes"/>).</param>
    /// <param name="centered">Centred across and down the cell, as the status marks are.</param>
    public void Cell(string? text, int width, int gridSpan = 1, bool bold = false, string? verticalMerge = null, int fontSize = TableFontSize, string? footnote = null, bool centered = false)
    {
        _xml.Markup("<w:tc><w:tcPr><w:tcW w:w=\""u8);
        _xml.Number(width);
        _xml.Markup("\" w:type=\"dxa\" />"u8);
        if (gridSpan > 1)
        {
            _xml.Markup("<w:gridSpan w:val=\""u8);
            _xml.Number(gridSpan);
            _xml.Markup("\" />"u8);
        }

        switch (verticalMerge)
        {
            case "restart":
                _xml.Markup("<w:vMerge w:val=\"restart\" />"u8);
                break;
            case "continue":
                _xml.Markup("<w:vMerge w:val=\"continue\" />"u8);
                break;
            default:
                break;
        }

        _xml.Markup(centered ? "<w:vAlign w:val=\"center\" /></w:tcPr>"u8 : "</w:tcPr>"u8);
        var rest = (text ?? "").AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            _xml.Markup(centered ? "<w:p><w:pPr><w:jc w:val=\"center\" /></w:pPr>"u8 : "<w:p>"u8);
            var line = end < 0 ? rest : rest[..end];
            for (var breakAt = line.IndexOf(LineBreak); breakAt >= 0; breakAt = line.IndexOf(LineBreak))
            {
                Run(line[..breakAt], bold, fontSize);
                _xml.Markup("<w:r><w:br /></w:r>"u8);
                line = line[(breakAt + 1)..];
            }

            Run(line, bold, fontSize);
            if (end < 0 && footnote is not null)
            {
                _footnotes.Add(footnote);
                _xml.Markup("<w:r><w:rPr><w:sz w:val=\""u8);
                _xml.Number(fontSize);
                _xml.Markup("\" /><w:vertAlign w:val=\"superscript\" /></w:rPr><w:footnoteReference w:id=\""u8);
                _xml.Number(_footnotes.Count);
                _xml.Markup("\" /></w:r>"u8);
            }

            _xml.Markup("</w:p>"u8);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        _xml.Markup("</w:tc>"u8);
    }

    /// <summary>Starts a table in the document's table style (borders, cell padding) with its grid (other readers than Word need the grid).</summary>
    public void StartTable(IReadOnlyList<int> columnWidths)
    {
        _xml.Markup("<w:tbl><w:tblPr><w:tblStyle w:val=\""u8);
        _xml.Text(DocumentStyles.Table);
        _xml.Markup("\" /><w:tblW w:w=\""u8);
        _xml.Number(columnWidths.Sum());
        _xml.Markup("\" w:type=\"dxa\" /><w:tblLayout w:type=\"fixed\" /><w:tblLook w:val=\"0000\" /></w:tblPr><w:tblGrid>"u8);
        foreach (var width in columnWidths)
        {
            _xml.Markup("<w:gridCol w:w=\""u8);
            _xml.Number(width);
            _xml.Markup("\" />"u8);
        }

        _xml.Markup("</w:tblGrid>"u8);
    }

    public void EndTable() => _xml.Markup("</w:tbl>"u8);

    /// <summary>Starts a row that is never split across pages; a header row is repeated at the top of every page the table runs onto.</summary>
    public void StartRow(bool header = false) =>
        _xml.Markup(header ? "<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>"u8 : "<w:tr><w:trPr><w:cantSplit /></w:trPr>"u8);

    public void EndRow() => _xml.Markup("</w:tr>"u8);

    /// <summary>Ends the body with the footer, the page's size and margins (in twentieths of a point), landscape, and the document.</summary>
    /// <param name="footer">The footer part's relationship id.</param>
    public void Finish(string footer, int pageWidth, int pageHeight, int margin)
    {
        _xml.Markup("<w:sectPr><w:footerReference w:type=\"default\" r:id=\""u8);
        _xml.Text(footer);
        _xml.Markup("\" /><w:pgSz w:w=\""u8);
        _xml.Number(pageWidth);
        _xml.Markup("\" w:h=\""u8);
        _xml.Number(pageHeight);
        _xml.Markup("\" w:orient=\"landscape\" /><w:pgMar w:top=\""u8);
        _xml.Number(margin);
        _xml.Markup("\" w:right=\""u8);
        _xml.Number(margin);
        _xml.Markup("\" w:bottom=\""u8);
        _xml.Number(margin);
        _xml.Markup("\" w:left=\""u8);
        _xml.Number(margin);
        _xml.Markup("\" w:header=\"567\" w:footer=\"454\" w:gutter=\"0\" /></w:sectPr></w:body></w:document>"u8);
        _xml.Flush();
    }

    public void Dispose() => _xml.Dispose();

    /// <summary>
    /// The footnotes part: Word's two separators, then each footnote with its number mark. Written once the document
    /// part is closed, since the zip takes one entry at a time.
    /// </summary>
    /// <param name="part">The footnotes part; closed when written.</param>
    public static void WriteFootnotes(Stream part, IReadOnlyList<string> footnotes)
    {
        using var xml = new Utf8Markup(part, leaveOpen: false);
        xml.Markup("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator /></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator /></w:r></w:p></w:footnote>"u8);
        for (var i = 0; i < footnotes.Count; i++)
        {
            xml.Markup("<w:footnote w:id=\""u8);
            xml.Number(i + 1);
            xml.Markup("\"><w:p><w:r><w:rPr><w:sz w:val=\""u8);
            xml.Number(TableFontSize);
            xml.Markup("\" /><w:vertAlign w:val=\"superscript\" /></w:rPr><w:footnoteRef /></w:r><w:r><w:rPr><w:sz w:val=\""u8);
            xml.Number(TableFontSize);
            xml.Markup("\" /></w:rPr><w:t xml:space=\"preserve\"> "u8);
            xml.Text(footnotes[i]);
            xml.Markup("</w:t></w:r></w:p></w:footnote>"u8);
        }

        xml.Markup("</w:footnotes>"u8);
    }

    private void Run(ReadOnlySpan<char> text, bool bold, int? fontSize)
    {
        if (!bold && fontSize is null)
        {
            _xml.Markup("<w:r><w:rPr />"u8);
        }
        else
        {
            _xml.Markup(bold ? "<w:r><w:rPr><w:b />"u8 : "<w:r><w:rPr>"u8);
            if (fontSize is { } size)
            {
                _xml.Markup("<w:sz w:val=\""u8);
                _xml.Number(size);
                _xml.Markup("\" />"u8);
            }

            _xml.Markup("</w:rPr>"u8);
        }

        _xml.Markup("<w:t xml:space=\"preserve\">"u8);
        _xml.Text(text);
        _xml.Markup("</w:t></w:r>"u8);
    }
}
