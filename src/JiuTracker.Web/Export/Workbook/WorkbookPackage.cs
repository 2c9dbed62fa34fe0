using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// The .xlsx package, written straight into a zip on the destination: each sheet is an entry of its own, written
/// whole in any order (the summary, which needs every recommendation, comes last), and the package's frame that
/// lists the sheets (content types, relationships, workbook) is written once their names are known. The Open XML
/// SDK is not used for the package: laying out one part per report with it cost more than writing the rows. Entries
/// are compressed at the fastest level: at 100,000 recommendations the best level cost seconds for a slightly
/// smaller file.
/// </summary>
internal sealed class WorkbookPackage : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private readonly ZipArchive _archive;
    private readonly HashSet<int> _sheets = [];

    /// <summary>Sheet position → rows printed at the top of each page, from the sheets' layouts.</summary>
    private readonly SortedDictionary<int, int> _printTitleRows = [];

    /// <param name="styles">The stylesheet, by default <see cref="WorkbookStyles.Create"/>'s without the protected sheet's styles.</param>
    public WorkbookPackage(Stream destination, Stylesheet? styles = null)
    {
        _archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using var part = Part("xl/styles.xml");
        (styles ?? WorkbookStyles.Create()).WriteTo(part);
    }

    /// <summary>A sheet to write, then dispose before the next entry is added.</summary>
    /// <param name="position">The sheet's place among the workbook's tabs, from 0: the first is the one shown on opening.</param>
    public SheetWriter AddSheet(int position, SheetLayout layout)
    {
        var entry = Entry(SheetEntry(Add(position, layout)));
        return new(entry, layout, selected: position == 0);
    }

    /// <summary>A sheet written elsewhere (see <see cref="SheetWriter"/>) with this layout, copied from its start.</summary>
    public void AddSheet(int position, Stream worksheetXml, SheetLayout layout)
    {
        using var entry = Entry(SheetEntry(Add(position, layout)));
        worksheetXml.Position = 0;
        worksheetXml.CopyTo(entry);
    }

    /// <summary>Writes the frame that lists the sheets, then ends the zip; every position up to the last must have a sheet.</summary>
    /// <param name="sheetNames">Every sheet's name, in the workbook's order.</param>
    public void Finish(IReadOnlyList<string> sheetNames)
    {
        if (sheetNames.Count != _sheets.Count || !Enumerable.Range(0, sheetNames.Count).All(_sheets.Contains))
        {
            throw new InvalidOperationException($"{sheetNames.Count} sheet names were given for {_sheets.Count} sheets.");
        }

        var stylesId = RelationshipId(sheetNames.Count);
        using (var workbook = Part("xl/workbook.xml"))
        {
            workbook.WriteStartElement("workbook", Main);
            workbook.WriteAttributeString("xmlns", "r", null, Relationships);
            workbook.WriteStartElement("sheets", Main);
            for (var position = 0; position < sheetNames.Count; position++)
            {
                workbook.WriteStartElement("sheet", Main);
                workbook.WriteAttributeString("name", sheetNames[position]);
                workbook.WriteAttributeString("sheetId", Number(position + 1));
                workbook.WriteAttributeString("id", Relationships, RelationshipId(position));
                workbook.WriteEndElement();
            }

            workbook.WriteEndElement();
            WritePrintTitles(workbook, sheetNames);
        }

        using (var relationships = Part("xl/_rels/workbook.xml.rels"))
        {
            relationships.WriteStartElement("Relationships", PackageRelationships);
            for (var position = 0; position < sheetNames.Count; position++)
            {
                Relationship(relationships, RelationshipId(position), "worksheet", "/" + SheetEntry(position));
            }

            Relationship(relationships, stylesId, "styles", "/xl/styles.xml");
        }

        using (var relationships = Part("_rels/.rels"))
        {
            relationships.WriteStartElement("Relationships", PackageRelationships);
            Relationship(relationships, "rId1", "officeDocument", "/xl/workbook.xml");
        }

        using var types = Part("[Content_Types].xml");
        types.WriteStartElement("Types", ContentTypes);
        ContentType(types, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
        ContentType(types, "Default", "Extension", "xml", "application/xml");
        ContentType(types, "Override", "PartName", "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        ContentType(types, "Override", "PartName", "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var position = 0; position < sheetNames.Count; position++)
        {
            ContentType(types, "Override", "PartName", "/" + SheetEntry(position), WorksheetType);
        }
    }

    public void Dispose() => _archive.Dispose();

    /// <summary>Print titles are a defined name of the workbook, one per sheet that has them: "'Update'!$1:$1".</summary>
    private void WritePrintTitles(XmlWriter workbook, IReadOnlyList<string> sheetNames)
    {
        if (_printTitleRows.Count == 0)
        {
            return;
        }

        workbook.WriteStartElement("definedNames", Main);
        foreach (var (position, rows) in _printTitleRows)
        {
            workbook.WriteStartElement("definedName", Main);
            workbook.WriteAttributeString("name", "_xlnm.Print_Titles");
            workbook.WriteAttributeString("localSheetId", Number(position));
            workbook.WriteString(string.Create(CultureInfo.InvariantCulture, $"'{sheetNames[position].Replace("'", "''", StringComparison.Ordinal)}'!$1:${rows}"));
            workbook.WriteEndElement();
        }

        workbook.WriteEndElement();
    }

    private static string SheetEntry(int position) => $"xl/worksheets/sheet{Number(position + 1)}.xml";

    private static string RelationshipId(int position) => $"rId{Number(position + 1)}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Relationship(XmlWriter writer, string id, string type, string target)
    {
        writer.WriteStartElement("Relationship", PackageRelationships);
        writer.WriteAttributeString("Id", id);
        writer.WriteAttributeString("Type", $"{Relationships}/{type}");
        writer.WriteAttributeString("Target", target);
        writer.WriteEndElement();
    }

    private static void ContentType(XmlWriter writer, string element, string keyName, string key, string type)
    {
        writer.WriteStartElement(element, ContentTypes);
        writer.WriteAttributeString(keyName, key);
        writer.WriteAttributeString("ContentType", type);
        writer.WriteEndElement();
    }

    private int Add(int position, SheetLayout layout)
    {
        if (position < 0 || !_sheets.Add(position))
        {
            throw new InvalidOperationException($"The workbook already has a sheet at position {position}.");
        }

        if (layout.PrintTitleRows > 0)
        {
            _printTitleRows[position] = layout.PrintTitleRows;
        }

        return position;
    }

    private Stream Entry(string name) => _archive.CreateEntry(name, CompressionLevel.Fastest).Open();

    /// <summary>A small XML part; disposing the writer ends its elements and closes the entry.</summary>
    private XmlWriter Part(string name)
    {
        // UTF-8 with a byte order mark, as the sheets are written.
        var writer = XmlWriter.Create(Entry(name), new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), CloseOutput = true });
        writer.WriteStartDocument();
        return writer;
    }
}
