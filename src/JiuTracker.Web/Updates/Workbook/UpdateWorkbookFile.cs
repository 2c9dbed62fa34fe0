namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// What an uploaded update workbook holds: its filled-in lines, or why the whole file was refused
/// (<see cref="Refusal"/>, in words naming the file and what to do).
/// </summary>
/// <param name="CellNames">Names a line's cell under a header: <c>Update!D7</c> (null when refused).</param>
public sealed record UpdateWorkbookFile(string? Refusal, IReadOnlyList<UpdateWorkbookLine> Lines, Func<string, int, string>? CellNames = null)
{
    public bool Succeeded => Refusal is null;

    public static UpdateWorkbookFile Refused(string reason) => new(reason, []);

    /// <summary>The name of the line's cell under <paramref name="header"/> (one of <see cref="UpdateSheet.Required"/>): <c>Update!D7</c>.</summary>
    public string Cell(string header, UpdateWorkbookLine line) =>
        (CellNames ?? throw new InvalidOperationException("A refused workbook has no cells."))(header, line.Row);
}
