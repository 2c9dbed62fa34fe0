namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// A cell's value as text, however the producer stored it (shared, inline, a formula's cached string, a number, a
/// boolean); <see cref="HasFormula"/> cells are never read for their value.
/// </summary>
internal readonly record struct SheetCell(int Column, string Text, bool HasFormula)
{
    public bool IsEmpty => !HasFormula && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A row of the sheet: its number and its cells, by 1-based column.</summary>
internal sealed record SheetRow(int Number, IReadOnlyDictionary<int, SheetCell> Cells)
{
    public bool IsEmpty => Cells.Values.All(c => c.IsEmpty);

    public SheetCell? this[int column] => Cells.TryGetValue(column, out var cell) ? cell : null;
}
