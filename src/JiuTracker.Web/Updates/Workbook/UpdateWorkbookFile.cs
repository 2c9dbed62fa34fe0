namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// What an uploaded update workbook holds: its filled-in lines, or why the whole file was refused
/// (<see cref="Refusal"/>, in words naming the file and what to do).
/// </summary>
public sealed record UpdateWorkbookFile(string? Refusal, IReadOnlyList<UpdateWorkbookLine> Lines)
{
    public bool Succeeded => Refusal is null;

    public static UpdateWorkbookFile Refused(string reason) => new(reason, []);
}
