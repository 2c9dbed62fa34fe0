namespace JiuTracker.Web.Import.Reading;

/// <summary>Joins each cell with the paragraphs that continue it, keeps the section landmarks and drops the rest.</summary>
internal static class CellGrouper
{
    public static IReadOnlyList<SourceLine> Group(IEnumerable<SourceLine> lines)
    {
        var grouped = new List<SourceLine>();
        var cellLines = new List<string>();
        SourceLine? cell = null;
        foreach (var line in lines)
        {
            if (line.Kind is LineKind.Blank or LineKind.Text)
            {
                if (cell is not null)
                {
                    cellLines.Add(line.Text);
                }

                continue;
            }

            EndCell();
            if (line.Kind == LineKind.Cell)
            {
                cell = line;
                cellLines.Add(line.Text);
            }
            else if (line.Kind is LineKind.Heading or LineKind.HeadingWithoutSymbol or LineKind.FocalPointLine)
            {
                grouped.Add(line);
            }
        }

        EndCell();
        return grouped;

        void EndCell()
        {
            if (cell is not null)
            {
                // trimming the joined text drops the blank lines Word leaves after a cell
                grouped.Add(cell with { Text = string.Join('\n', cellLines).Trim() });
            }

            cell = null;
            cellLines.Clear();
        }
    }
}
