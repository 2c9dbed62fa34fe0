using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using JiuTracker.Web.Updates.Workbook;

namespace JiuTracker.TestSupport;

/// <summary>
/// An update workbook filled in with the Open XML SDK as a person fills it in: cells of the Update sheet found by their
/// header and by the row's report and number, typed as inline strings (formulas when asked), the rest left as it was.
/// </summary>
public sealed class UpdateWorkbookEditor(byte[] workbook)
{
    private readonly MemoryStream _file = Copy(workbook);

    public byte[] Bytes => _file.ToArray();

    /// <summary>Types a value in the cell under <paramref name="header"/> of the recommendation's row.</summary>
    public UpdateWorkbookEditor Set(string symbol, int number, string header, string value)
    {
        Edit(sheet =>
        {
            var cell = CellIn(RowOf(sheet, symbol, number), ColumnOf(sheet, header));
            cell.RemoveAllChildren();
            cell.DataType = CellValues.InlineString;
            cell.Append(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
        });
        return this;
    }

    /// <summary>Puts a formula in the cell, as someone typing <c>=…</c> in Excel would (with its cached value).</summary>
    public UpdateWorkbookEditor SetFormula(string symbol, int number, string header, string formula, string cached)
    {
        Edit(sheet =>
        {
            var cell = CellIn(RowOf(sheet, symbol, number), ColumnOf(sheet, header));
            cell.RemoveAllChildren();
            cell.DataType = CellValues.String;
            cell.Append(new CellFormula(formula), new CellValue(cached));
        });
        return this;
    }

    /// <summary>The sheet row number of the recommendation's row.</summary>
    public uint RowNumber(string symbol, int number)
    {
        uint found = 0;
        Edit(sheet => found = RowOf(sheet, symbol, number).RowIndex!.Value);
        return found;
    }

    /// <summary>The letters of the column under <paramref name="header"/>.</summary>
    public string ColumnLetters(string header)
    {
        var letters = "";
        Edit(sheet => letters = ColumnOf(sheet, header));
        return letters;
    }

    /// <summary>Every data row's value under <paramref name="header"/>, top to bottom.</summary>
    public IReadOnlyList<string> Column(string header)
    {
        var values = new List<string>();
        Edit(sheet =>
        {
            var column = ColumnOf(sheet, header);
            values.AddRange(sheet.Descendants<Row>().Skip(1).Select(row => Text(row, column)));
        });
        return values;
    }

    private static MemoryStream Copy(byte[] bytes)
    {
        var file = new MemoryStream();
        file.Write(bytes);
        return file;
    }

    private void Edit(Action<Worksheet> edit)
    {
        _file.Position = 0;
        using (var document = SpreadsheetDocument.Open(_file, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == UpdateSheet.Name);
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            edit(worksheet);
            worksheet.Save();
        }

        _file.Position = 0;
    }

    private static string ColumnOf(Worksheet sheet, string header)
    {
        var cell = sheet.Descendants<Row>().First().Elements<Cell>().SingleOrDefault(c => c.InnerText.Trim() == header)
            ?? throw new InvalidOperationException($"The Update sheet has no column headed \"{header}\".");
        return Letters(cell.CellReference!);
    }

    private static Row RowOf(Worksheet sheet, string symbol, int number)
    {
        var report = ColumnOf(sheet, UpdateSheet.Report);
        var recommendation = ColumnOf(sheet, UpdateSheet.Recommendation);
        var text = number.ToString(CultureInfo.InvariantCulture);
        return sheet.Descendants<Row>().Skip(1).SingleOrDefault(row => Text(row, report) == symbol && Text(row, recommendation) == text)
            ?? throw new InvalidOperationException($"The Update sheet has no row for {symbol} recommendation {number}.");
    }

    private static string Text(Row row, string column) =>
        row.Elements<Cell>().SingleOrDefault(c => Letters(c.CellReference!) == column)?.InnerText.Trim() ?? "";

    /// <summary>The row's cell in the column, added in column order when the row has none there.</summary>
    private static Cell CellIn(Row row, string column)
    {
        var reference = column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
        if (row.Elements<Cell>().SingleOrDefault(c => c.CellReference == reference) is { } existing)
        {
            return existing;
        }

        var cell = new Cell { CellReference = reference };
        if (row.Elements<Cell>().LastOrDefault(c => Compare(Letters(c.CellReference!), column) < 0) is { } before)
        {
            before.InsertAfterSelf(cell);
        }
        else
        {
            row.PrependChild(cell);
        }

        return cell;
    }

    private static int Compare(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private static string Letters(string reference) => new([.. reference.TakeWhile(char.IsAsciiLetter)]);
}
