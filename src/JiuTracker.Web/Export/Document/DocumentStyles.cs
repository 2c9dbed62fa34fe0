using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace JiuTracker.Web.Export.Document;

/// <summary>
/// The document's styles part: Arial 10 pt throughout, Title and Subtitle for the title block, Heading 1 for
/// "Table 1" and "Table 2", Heading 2 for each report's heading (kept with what follows), Word's Hyperlink character
/// style for the "Review Highlights" links, and the table style every table uses (single borders, cells padded).
/// Fixed markup: it holds no text from the data.
/// </summary>
internal static class DocumentStyles
{
    public const string Title = "Title", Subtitle = "Subtitle", Heading1 = "Heading1", Heading2 = "Heading2", Hyperlink = "Hyperlink", Table = "JiuTable";

    private const string Markup =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:docDefaults>
            <w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial" /><w:sz w:val="20" /><w:szCs w:val="20" /><w:lang w:val="en-GB" /></w:rPr></w:rPrDefault>
            <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr></w:pPrDefault>
          </w:docDefaults>
          <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal" /><w:qFormat /></w:style>
          <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title" /><w:basedOn w:val="Normal" /><w:next w:val="Normal" /><w:qFormat />
            <w:pPr><w:keepNext /><w:spacing w:after="120" /><w:jc w:val="center" /></w:pPr><w:rPr><w:b /><w:sz w:val="32" /><w:szCs w:val="32" /></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle" /><w:basedOn w:val="Normal" /><w:next w:val="Normal" /><w:qFormat />
            <w:pPr><w:keepNext /><w:spacing w:after="120" /><w:jc w:val="center" /></w:pPr><w:rPr><w:b /><w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1" /><w:basedOn w:val="Normal" /><w:next w:val="Normal" /><w:qFormat />
            <w:pPr><w:keepNext /><w:spacing w:before="360" w:after="120" /><w:outlineLvl w:val="0" /></w:pPr><w:rPr><w:b /><w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2" /><w:basedOn w:val="Normal" /><w:next w:val="Normal" /><w:qFormat />
            <w:pPr><w:keepNext /><w:spacing w:before="240" w:after="60" /><w:outlineLvl w:val="1" /></w:pPr><w:rPr><w:b /><w:sz w:val="22" /><w:szCs w:val="22" /></w:rPr></w:style>
          <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink" /><w:uiPriority w:val="99" /><w:unhideWhenUsed />
            <w:rPr><w:color w:val="0563C1" /><w:u w:val="single" /></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer" /><w:basedOn w:val="Normal" />
            <w:rPr><w:sz w:val="16" /><w:szCs w:val="16" /></w:rPr></w:style>
          <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table" /><w:uiPriority w:val="99" /><w:semiHidden />
            <w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblCellMar><w:top w:w="0" w:type="dxa" /><w:left w:w="108" w:type="dxa" /><w:bottom w:w="0" w:type="dxa" /><w:right w:w="108" w:type="dxa" /></w:tblCellMar></w:tblPr></w:style>
          <w:style w:type="table" w:styleId="JiuTable"><w:name w:val="JIU status table" /><w:basedOn w:val="TableNormal" />
            <w:tblPr>
              <w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000" /><w:left w:val="single" w:sz="4" w:space="0" w:color="000000" /><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000" /><w:right w:val="single" w:sz="4" w:space="0" w:color="000000" /><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000" /><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000" /></w:tblBorders>
              <w:tblCellMar><w:top w:w="57" w:type="dxa" /><w:left w:w="85" w:type="dxa" /><w:bottom w:w="57" w:type="dxa" /><w:right w:w="85" w:type="dxa" /></w:tblCellMar>
            </w:tblPr></w:style>
        </w:styles>
        """;

    public static void AddTo(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(Markup));
        part.FeedData(data);
    }

    /// <summary>The footer on every page: "ITU — status as of 2026-12-04" on the left, "Page 1 of 9" on the right.</summary>
    /// <param name="textWidth">The width between the margins, where the page number is set flush right.</param>
    /// <returns>The footer's relationship id, for the section to refer to.</returns>
    public static string AddFooter(MainDocumentPart main, string organization, DateOnly asOf, int textWidth)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Tabs(new TabStop { Val = TabStopValues.Right, Position = textWidth })),
            Text($"{organization} — status as of {asOf:yyyy-MM-dd}"),
            new Run(new TabChar()),
            Text("Page "),
            new SimpleField(Text("1")) { Instruction = " PAGE " },
            Text(" of "),
            new SimpleField(Text("1")) { Instruction = " NUMPAGES " }));
        return main.GetIdOfPart(part);
    }

    private static Run Text(string text) => new(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
}
