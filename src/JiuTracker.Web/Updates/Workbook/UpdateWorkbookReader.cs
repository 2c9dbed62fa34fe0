using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// Reads an uploaded update workbook as Excel, LibreOffice, openpyxl and others write it: the sheet
/// <see cref="UpdateSheet.Name"/> found by name, its columns by header, every non-empty row a line. A file that cannot be
/// the workbook (too large, not an .xlsx, macro-enabled, password-protected, a zip bomb, damaged) is refused whole,
/// before or instead of being unpacked (decision 028).
/// </summary>
public static class UpdateWorkbookReader
{
    public static UpdateWorkbookFile Read(Stream file, string fileName, long maxBytes)
    {
        var (bytes, refusal) = WorkbookPackageGate.Copy(file, fileName, maxBytes);
        return bytes is null ? UpdateWorkbookFile.Refused(refusal!) : ReadCopy(bytes, fileName, maxBytes);
    }

    /// <summary>A file already read whole (at most <paramref name="maxBytes"/>, see <see cref="WorkbookPackageGate.Copy"/>), read without copying it again.</summary>
    internal static UpdateWorkbookFile Read(byte[] content, string fileName, long maxBytes) =>
        content.Length > maxBytes
            ? Read(new MemoryStream(content, writable: false), fileName, maxBytes) // refused as oversize, as any stream is
            : ReadCopy(new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true), fileName, maxBytes);

    private static UpdateWorkbookFile ReadCopy(MemoryStream bytes, string fileName, long maxBytes)
    {
        using (bytes)
        {
            if (WorkbookPackageGate.SignatureRefusal(bytes.GetBuffer().AsSpan(0, (int)Math.Min(bytes.Length, 8)), fileName) is { } wrongKind)
            {
                return UpdateWorkbookFile.Refused(wrongKind);
            }

            try
            {
                return ReadPackage(bytes, fileName, maxBytes);
            }
            catch (Exception e) when (e is InvalidDataException or XmlException or OpenXmlPackageException or IOException or FormatException or OverflowException)
            {
                return UpdateWorkbookFile.Refused(Damaged(fileName));
            }
        }
    }

    private static UpdateWorkbookFile ReadPackage(MemoryStream bytes, string fileName, long maxBytes)
    {
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (WorkbookPackageGate.Refusal(zip, fileName, maxBytes) is { } refusal)
            {
                return UpdateWorkbookFile.Refused(refusal);
            }
        }

        bytes.Position = 0;
        // The zip already bounds each part to its declared size; this bounds what the SDK's own parsing may read too.
        var settings = new OpenSettings { MaxCharactersInPart = WorkbookPackageGate.UnpackedLimit(maxBytes) };
        using var document = SpreadsheetDocument.Open(bytes, isEditable: false, settings);
        if (document.DocumentType is SpreadsheetDocumentType.MacroEnabledWorkbook or SpreadsheetDocumentType.MacroEnabledTemplate
            or SpreadsheetDocumentType.AddIn)
        {
            return UpdateWorkbookFile.Refused(WorkbookPackageGate.MacroEnabled(fileName));
        }

        if (document.WorkbookPart is not { } workbook)
        {
            return UpdateWorkbookFile.Refused(WorkbookPackageGate.NotAWorkbook(fileName, " (it is a zip archive holding no workbook)"));
        }

        if (UpdateSheetPart(workbook) is not { } sheet)
        {
            return UpdateWorkbookFile.Refused(
                $"{fileName} has no sheet named {UpdateSheet.Name}: upload the workbook downloaded from JiuTracker, with its sheet {UpdateSheet.Name} kept.");
        }

        return ReadSheet(sheet.Part, sheet.Name, SheetReader.SharedStrings(workbook.SharedStringTablePart), fileName);
    }

    private static UpdateWorkbookFile ReadSheet(WorksheetPart part, string sheetName, List<string> sharedStrings, string fileName)
    {
        var read = new ColumnsToRead();
        using var rows = SheetReader.Rows(part, sharedStrings, read).GetEnumerator();
        var header = rows.MoveNext() && rows.Current.Number == 1 ? rows.Current : null;
        var (columns, refusal) = SheetColumns.Find(header, fileName, sheetName);
        if (columns is null)
        {
            return UpdateWorkbookFile.Refused(refusal!);
        }

        // The context columns are never read back: their cells, the largest, are skipped.
        read.Only = columns.Of(UpdateSheet.Required);

        var reader = new UpdateLineReader(sheetName, columns);
        var lines = new List<UpdateWorkbookLine>();
        while (rows.MoveNext())
        {
            if (!rows.Current.IsEmpty)
            {
                lines.Add(reader.Line(rows.Current));
            }
        }

        return new UpdateWorkbookFile(null, lines, (header, row) => CellReference.Name(sheetName, columns[header], row));
    }

    /// <summary>The worksheet named <see cref="UpdateSheet.Name"/>, ignoring case; other sheets, wherever they are, are not read.</summary>
    private static (string Name, WorksheetPart Part)? UpdateSheetPart(WorkbookPart workbook)
    {
        using var reader = OpenXmlReader.Create(workbook);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType != typeof(Sheet) || !reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }

            var sheet = (Sheet)reader.LoadCurrentElement()!;
            more = !reader.EOF;
            if (string.Equals(sheet.Name?.Value, UpdateSheet.Name, StringComparison.OrdinalIgnoreCase)
                && sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                return (sheet.Name!.Value!, worksheet);
            }
        }

        return null;
    }

    private static string Damaged(string fileName) =>
        $"{fileName} is damaged or not an Excel workbook (.xlsx): it could not be read. Open it in Excel, save it as Excel " +
        "Workbook (.xlsx), and upload that file.";
}
