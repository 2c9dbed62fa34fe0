namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// Where each of <see cref="UpdateSheet.Columns"/> is, found by its header in row 1 (trimmed, ignoring case), so
/// people may reorder columns and delete the context ones.
/// </summary>
internal sealed class SheetColumns
{
    private readonly Dictionary<string, int> _columns;

    private SheetColumns(Dictionary<string, int> columns) => _columns = columns;

    /// <summary>The columns of the header row, or a refusal naming the required headers that are missing or repeated.</summary>
    public static (SheetColumns? Columns, string? Refusal) Find(SheetRow? header, string fileName, string sheet)
    {
        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var repeated = new List<string>();
        foreach (var cell in header?.Cells.Values.OrderBy(c => c.Column) ?? Enumerable.Empty<SheetCell>())
        {
            var name = UpdateSheet.Columns.FirstOrDefault(c => string.Equals(c, cell.Text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null && !found.TryAdd(name, cell.Column) && !repeated.Contains(name))
            {
                repeated.Add(name);
            }
        }

        var missing = UpdateSheet.Required.Where(r => !found.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return (null, $"{fileName}: the sheet {sheet} has no {Headed(missing)} in row 1. These columns must stay as downloaded " +
                "(the hidden ones too): download the workbook again and type your changes into it.");
        }

        var repeatedRequired = repeated.Where(UpdateSheet.Required.Contains).ToList();
        return repeatedRequired.Count > 0
            ? (null, $"{fileName}: the sheet {sheet} has more than one column headed {Quoted(repeatedRequired)} in row 1, so it is not clear which to read: delete the copy.")
            : (new SheetColumns(found), null);
    }

    /// <summary>The column of <paramref name="header"/> (one of <see cref="UpdateSheet.Required"/>).</summary>
    public int this[string header] => _columns[header];

    /// <summary>The columns of these headers (each one of <see cref="UpdateSheet.Required"/>).</summary>
    public IReadOnlySet<int> Of(IEnumerable<string> headers) => headers.Select(h => _columns[h]).ToHashSet();

    private static string Headed(List<string> headers) => (headers.Count == 1 ? "column headed " : "columns headed ") + Quoted(headers);

    private static string Quoted(List<string> headers) => string.Join(", ", headers.Select(h => $"\"{h}\""));
}
