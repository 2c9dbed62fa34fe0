using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>A report as Table 1 lists it.</summary>
/// <param name="Line">The 1-based line of its symbol cell.</param>
internal sealed record ListedReport(ReportSymbol Symbol, string Title, IReadOnlyList<LegacyFocalPoint> FocalPoints, int Line);

/// <summary>Reads Table 1: header cells, then per report a symbol, a title and a focal-points cell.</summary>
internal static class ReportListReader
{
    private const int HeaderCellCount = 3;
    private const int CellsAfterSymbol = 2;

    public static IReadOnlyList<ListedReport> Read(DocumentLayout layout, List<LegacyDocumentError> errors)
    {
        var reports = new List<ListedReport>();
        foreach (var entry in SplitAtSymbols(layout.ReportList, errors))
        {
            var first = reports.Find(report => report.Symbol == entry.Symbol);
            if (first is null)
            {
                reports.Add(ReadEntry(entry, errors));
            }
            else
            {
                errors.Add(new LegacyDocumentError(entry.SymbolCell.Number, entry.Symbol.ToString(), null, $"{entry.Symbol} is listed twice in Table 1 (first at line {first.Line})"));
            }
        }

        if (reports.Count == 0)
        {
            errors.Add(new LegacyDocumentError(layout.ReportListLine, null, null, "Table 1 lists no reports"));
        }

        return reports;
    }

    private static List<Entry> SplitAtSymbols(IReadOnlyList<SourceLine> cells, List<LegacyDocumentError> errors)
    {
        var entries = new List<Entry>();
        var headerCells = 0;
        foreach (var cell in cells)
        {
            if (ReportSymbol.TryParse(cell.Text, out var symbol))
            {
                entries.Add(new Entry(cell, symbol, []));
            }
            else if (entries.Count > 0)
            {
                entries[^1].Cells.Add(cell);
            }
            else
            {
                // only the first cell past the header row is named, lest one bad symbol bury the list in errors
                headerCells++;
                if (headerCells == HeaderCellCount + 1)
                {
                    errors.Add(new LegacyDocumentError(cell.Number, null, null, $"Table 1: {TextTools.Quote(cell.Text)} is not a report symbol such as JIU/REP/2021/3"));
                }
            }
        }

        return entries;
    }

    private static ListedReport ReadEntry(Entry entry, List<LegacyDocumentError> errors)
    {
        var symbol = entry.Symbol.ToString();
        var cells = WithoutTrailingEmptyCells(entry.Cells);
        if (cells.Count != CellsAfterSymbol)
        {
            errors.Add(new LegacyDocumentError(entry.SymbolCell.Number, symbol, null, $"Table 1 has {cells.Count} cells after {symbol} where {CellsAfterSymbol} are expected: the title and the focal points"));
            return new ListedReport(entry.Symbol, "", [], entry.SymbolCell.Number);
        }

        var title = TextTools.CollapseWhitespace(cells[0].Text);
        var focalPoints = FocalPointParser.Parse(cells[1], symbol, errors);
        return new ListedReport(entry.Symbol, title, focalPoints, entry.SymbolCell.Number);
    }

    // Word can leave empty cells at the end of a table row; an empty title cell within the row still counts
    private static List<SourceLine> WithoutTrailingEmptyCells(List<SourceLine> cells)
    {
        var count = cells.Count;
        while (count > CellsAfterSymbol && cells[count - 1].Text.Length == 0)
        {
            count--;
        }

        return cells[..count];
    }

    private sealed record Entry(SourceLine SymbolCell, ReportSymbol Symbol, List<SourceLine> Cells);
}
