using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Tests.Export;

/// <summary>An .xlsx read back with the Open XML SDK: sheets by name, cells by reference, with their types.</summary>
public sealed class WorkbookFile : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public WorkbookFile(string path)
    {
        _document = SpreadsheetDocument.Open(path, false);
    }

    public WorkbookFile(Stream stream)
    {
        _document = SpreadsheetDocument.Open(stream, false);
    }

    public SpreadsheetDocument Document => _document;

    private WorkbookPart Part => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames =>
        [.. Part.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public Worksheet Sheet(string name)
    {
        var sheet = Part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Part.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The sheet's rows, each a map from column letters to cell.</summary>
    public static List<Dictionary<string, Cell>> Rows(Worksheet sheet) =>
        [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().ToDictionary(c => ColumnOf(c.CellReference!), c => c))];

    public static Cell? CellAt(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>Text of an inline-string cell, or the raw value of a number cell; "" for an empty cell.</summary>
    public static string Text(Cell? cell) => cell switch
    {
        null => "",
        { DataType.Value: var type } when type == CellValues.InlineString => cell.InlineString!.InnerText,
        _ => cell.CellValue?.Text ?? "",
    };

    public static double Number(Cell cell)
    {
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not a number cell");
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    /// <summary>The number format code a cell is shown with, "" for General.</summary>
    public string FormatCode(Cell cell)
    {
        var stylesheet = Part.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? "";
    }

    public void Dispose() => _document.Dispose();

    private static string ColumnOf(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);
}
