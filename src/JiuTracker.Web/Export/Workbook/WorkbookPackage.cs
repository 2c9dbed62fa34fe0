using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// The .xlsx package as a <see cref="StreamedPackage"/>: the SDK lays out content types, relationships, workbook,
/// styles and one empty part per sheet; the sheets are then streamed into it one after the other.
/// </summary>
internal sealed class WorkbookPackage : IDisposable
{
    private readonly ZipArchive _archive;
    private readonly IReadOnlyList<string> _sheetEntries;
    private int _nextSheet;

    private WorkbookPackage(ZipArchive archive, IReadOnlyList<string> sheetEntries)
    {
        _archive = archive;
        _sheetEntries = sheetEntries;
    }

    /// <param name="sheetNames">Every sheet, in the workbook's order; each is then written in that order.</param>
    public static WorkbookPackage Create(Stream destination, IReadOnlyList<string> sheetNames)
    {
        using var skeleton = new MemoryStream();
        var sheetEntries = WriteSkeleton(skeleton, sheetNames);
        return new(StreamedPackage.Begin(destination, skeleton, sheetEntries), sheetEntries);
    }

    /// <summary>The next sheet's part, to write and dispose before opening the one after it.</summary>
    public SheetWriter NextSheet(SheetLayout layout)
    {
        if (_nextSheet >= _sheetEntries.Count)
        {
            throw new InvalidOperationException($"The workbook has only {_sheetEntries.Count} sheets.");
        }

        var part = _archive.CreateEntry(_sheetEntries[_nextSheet], CompressionLevel.Fastest).Open();
        return new SheetWriter(part, layout, selected: _nextSheet++ == 0);
    }

    public void Dispose() => _archive.Dispose();

    private static List<string> WriteSkeleton(Stream skeleton, IReadOnlyList<string> sheetNames)
    {
        using var document = SpreadsheetDocument.Create(skeleton, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheets = new Sheets();
        var entries = new List<string>();
        foreach (var (name, index) in sheetNames.Select((name, index) => (name, index)))
        {
            // An explicit relationship id: asking the SDK for a generated one scans every part added so far.
            var id = $"rId{index + 1}";
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>(id);
            sheetPart.Worksheet = new Worksheet(new SheetData());
            sheets.Append(new Sheet { Name = name, SheetId = (uint)index + 1, Id = id });
            entries.Add(sheetPart.Uri.OriginalString.TrimStart('/'));
        }

        workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(sheets);
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();
        return entries;
    }
}
