using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using JiuTracker.Web.Updates.Workbook;

namespace JiuTracker.Tests.Updates;

/// <summary>How a producer stores the sheet's text.</summary>
public enum WorkbookProducer
{
    /// <summary>Shared strings with <c>r</c> references on every row and cell, as Excel writes.</summary>
    Excel,

    /// <summary>Inline strings (<c>t="inlineStr"</c>), as many streaming writers do.</summary>
    InlineStrings,

    /// <summary>Inline strings, every cell written in order without an <c>r</c> reference, which the format allows.</summary>
    NoReferences,
}

/// <summary>A cell holding a formula, with the value its producer cached.</summary>
public sealed record Formula(string Expression, string CachedText);

/// <summary>A shared string made of rich-text runs, as Excel writes text formatted in part.</summary>
public sealed record RichText(params string[] Runs);

/// <summary>
/// Update workbooks written with the Open XML SDK the way each producer writes them; a row is a map from header to
/// value (a string is text, an int or double a number, <see cref="Formula"/> and <see cref="RichText"/> as named).
/// </summary>
public static class TestWorkbooks
{
    /// <summary>A cell that holds only formatting (<c>&lt;c r="E2" s="1"/&gt;</c>), as Excel leaves after a value is deleted.</summary>
    public static readonly object FormattedEmpty = new();

    public static Dictionary<string, object?> Line(
        int id = 12, int version = 3, string report = "JIU/REP/2021/3", int number = 2, string acceptance = "Accepted",
        string implementation = "In progress", string comment = "Workplan adopted.", string downloadedAcceptance = "accepted",
        string downloadedImplementation = "not-started") => new()
        {
            [UpdateSheet.Report] = report,
            [UpdateSheet.Recommendation] = number,
            [UpdateSheet.Acceptance] = acceptance,
            [UpdateSheet.Implementation] = implementation,
            [UpdateSheet.NewComment] = comment,
            [UpdateSheet.Text] = "The executive heads should adopt a workplan.",
            [UpdateSheet.Addressee] = "Executive heads",
            [UpdateSheet.Deadline] = "2022-12-31",
            [UpdateSheet.CurrentComments] = "",
            [UpdateSheet.LastChange] = "2024-05-02",
            [UpdateSheet.Id] = id,
            [UpdateSheet.Version] = version,
            [UpdateSheet.DownloadedAcceptance] = downloadedAcceptance,
            [UpdateSheet.DownloadedImplementation] = downloadedImplementation,
        };

    public static MemoryStream Write(
        IEnumerable<Dictionary<string, object?>> lines, WorkbookProducer producer = WorkbookProducer.Excel,
        IReadOnlyList<string>? headers = null, string sheetName = UpdateSheet.Name, bool otherSheetFirst = false,
        SpreadsheetDocumentType type = SpreadsheetDocumentType.Workbook)
    {
        headers ??= UpdateSheet.Columns;
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, type))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = producer == WorkbookProducer.Excel ? new SharedStrings(workbook.AddNewPart<SharedStringTablePart>()) : null;
            if (otherSheetFirst)
            {
                AddSheet(workbook, "Read me", [["Fill in the sheet Update, then upload this workbook."]], producer, strings);
            }

            var rows = new List<IReadOnlyList<object?>> { headers.ToList<object?>() };
            rows.AddRange(lines.Select(line => headers.Select(h => line.GetValueOrDefault(h)).ToList()));
            AddSheet(workbook, sheetName, rows, producer, strings);
            strings?.Save();
        }

        stream.Position = 0;
        return stream;
    }

    private static void AddSheet(
        WorkbookPart workbook, string name, List<IReadOnlyList<object?>> rows, WorkbookProducer producer, SharedStrings? strings)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = producer == WorkbookProducer.NoReferences ? new Row() : new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is null && producer != WorkbookProducer.NoReferences)
                {
                    continue;
                }

                var cell = Cell(rows[r][c], producer, strings);
                if (producer != WorkbookProducer.NoReferences)
                {
                    cell.CellReference = CellReference(c + 1, r + 1);
                }

                row.Append(cell);
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)(sheets.ChildElements.Count + 1), Id = workbook.GetIdOfPart(part) });
    }

    private static Cell Cell(object? value, WorkbookProducer producer, SharedStrings? strings) => value switch
    {
        _ when value == FormattedEmpty => new Cell { StyleIndex = 1 },
        int or double => new Cell(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!)) { DataType = CellValues.Number },
        Formula f => new Cell(new CellFormula(f.Expression), new CellValue(f.CachedText)) { DataType = CellValues.String },
        RichText rich when strings is not null => SharedCell(strings.Add(new SharedStringItem(rich.Runs.Select(t => new Run(new Text(t) { Space = SpaceProcessingModeValues.Preserve }))))),
        _ when strings is not null => SharedCell(strings.Add(new SharedStringItem(new Text(Text(value)) { Space = SpaceProcessingModeValues.Preserve }))),
        RichText rich => new Cell(new InlineString(rich.Runs.Select(t => new Run(new Text(t))))) { DataType = CellValues.InlineString },
        _ => new Cell(new InlineString(new Text(Text(value)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString },
    };

    private static Cell SharedCell(int index) =>
        new(new CellValue(index.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.SharedString };

    private static string Text(object? value) => value as string ?? "";

    public static string CellReference(int column, int row)
    {
        var letters = "";
        for (var rest = column; rest > 0; rest = (rest - 1) / 26)
        {
            letters = (char)('A' + ((rest - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The shared string table, each text once, as Excel keeps it.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly SharedStringTable _table = new();
        private readonly Dictionary<string, int> _indexes = [];

        public int Add(SharedStringItem item)
        {
            var key = item.OuterXml;
            if (!_indexes.TryGetValue(key, out var index))
            {
                index = _indexes.Count;
                _indexes[key] = index;
                _table.Append(item);
            }

            return index;
        }

        public void Save() => part.SharedStringTable = _table;
    }
}
