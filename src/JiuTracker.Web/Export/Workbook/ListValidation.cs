namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// A drop-down list of the values a column's cells may hold, blank allowed; any other value is refused with a message
/// naming the allowed ones. The values are written into the rule itself, which Excel limits to 255 characters and
/// separates by commas.
/// </summary>
/// <param name="Column">From 0.</param>
/// <param name="FirstRow">From 1: the first row under the header.</param>
internal sealed record ListValidation(int Column, uint FirstRow, IReadOnlyList<string> Values)
{
    private const int MaxListLength = 255;

    /// <summary>The list as the rule's formula spells it: "Accepted,Not accepted,…" in double quotes.</summary>
    public string Formula { get; } = Quoted(Values);

    public string Error => $"Choose one of: {string.Join(", ", Values)}; or leave the cell empty.";

    private static string Quoted(IReadOnlyList<string> values)
    {
        if (values.Count == 0 || values.Any(v => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A list needs values without commas or double quotes.", nameof(values));
        }

        var formula = $"\"{string.Join(",", values)}\"";
        return formula.Length - 2 <= MaxListLength ? formula : throw new ArgumentException($"The list is longer than {MaxListLength} characters.", nameof(values));
    }
}
