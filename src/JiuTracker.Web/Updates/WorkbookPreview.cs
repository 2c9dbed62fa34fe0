using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Updates;

/// <summary>Every row of an uploaded update workbook with what it does; nothing is saved by making one.</summary>
public sealed record WorkbookPreview(WorkbookUpload Upload, IReadOnlyList<WorkbookRowOutcome> Rows)
{
    public IEnumerable<WorkbookRowOutcome> Of(WorkbookRowKind kind) => Rows.Where(r => r.Kind == kind);

    public int Count(WorkbookRowKind kind) => Rows.Count(r => r.Kind == kind);

    /// <summary>The preview in words: "3 changes, 7 unchanged, 1 conflict, 2 refused."</summary>
    public string Summary() =>
        $"{Count(WorkbookRowKind.Change)} to change, {Count(WorkbookRowKind.Unchanged)} unchanged, " +
        $"{Count(WorkbookRowKind.Conflict)} in conflict, {Count(WorkbookRowKind.Refused)} refused.";
}
