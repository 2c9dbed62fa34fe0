using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// Reads a worksheet and its shared strings with <see cref="OpenXmlReader"/> (SAX), element by element, building no
/// document: 100,000 rows stay small in memory. Rows and cells without an <c>r</c> reference, which the format allows,
/// take the next number.
/// </summary>
internal static class SheetReader
{
    public static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var text = new StringText();
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    text.Clear();
                }
                else
                {
                    strings.Add(text.Value);
                }
            }
            else
            {
                text.Read(reader);
            }
        }

        return strings;
    }

    /// <param name="read">
    /// Which columns to read, set by the caller once it knows (after the header row): the cells of other columns are
    /// skipped unread, so the large context cells cost nothing. Empty until set: every column.
    /// </param>
    public static IEnumerable<SheetRow> Rows(WorksheetPart part, IReadOnlyList<string> sharedStrings, ColumnsToRead read)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        Dictionary<int, SheetCell>? cells = null;
        var cell = new CellInProgress();
        var more = reader.Read();
        while (more)
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    rowNumber = Attribute(reader, "r") is { } r && int.TryParse(r, out var number) ? number : rowNumber + 1;
                    cells = [];
                    cell.Column = 0;
                }
                else if (cells is not null)
                {
                    yield return new SheetRow(rowNumber, cells);
                    cells = null;
                }
            }
            else if (type == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    cell.Start(reader);
                    if (!read.Includes(cell.Column))
                    {
                        // Past the cell's content to what follows it, which the loop then reads as it is.
                        reader.Skip();
                        more = !reader.EOF;
                        continue;
                    }
                }
                else if (cells is not null)
                {
                    cells[cell.Column] = new SheetCell(cell.Column, cell.Text(sharedStrings), cell.HasFormula);
                }
            }
            else if (reader.IsStartElement && type == typeof(CellValue))
            {
                cell.Value = reader.GetText();
            }
            else if (reader.IsStartElement && type == typeof(CellFormula))
            {
                cell.HasFormula = true;
            }
            else
            {
                cell.Inline.Read(reader);
            }

            more = reader.Read();
        }
    }

    internal static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The cell being read: its column, type, value and inline text, until its end element.</summary>
    private sealed class CellInProgress
    {
        public int Column { get; set; }

        public string? Type { get; private set; }

        public string? Value { get; set; }

        public bool HasFormula { get; set; }

        public StringText Inline { get; } = new();

        public void Start(OpenXmlReader reader)
        {
            Column = CellReference.Column(Attribute(reader, "r")) ?? Column + 1;
            Type = Attribute(reader, "t");
            Value = null;
            HasFormula = false;
            Inline.Clear();
        }

        public string Text(IReadOnlyList<string> sharedStrings) => Type switch
        {
            "s" => int.TryParse(Value, out var index) && index >= 0 && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw new InvalidDataException($"a cell refers to shared string {Value}, which the workbook does not hold"),
            "inlineStr" => Inline.Value,
            "b" => Value?.Trim() switch { "1" => "TRUE", "0" => "FALSE", var other => other ?? "" },
            "str" => CellEscapes.Unescape(Value ?? ""),
            _ => Value ?? "",
        };
    }
}

/// <summary>The columns <see cref="SheetReader.Rows"/> reads: every one until <see cref="Only"/> is set.</summary>
internal sealed class ColumnsToRead
{
    public IReadOnlySet<int>? Only { get; set; }

    public bool Includes(int column) => Only?.Contains(column) ?? true;
}
