namespace JiuTracker.Web.Export.Workbook;

/// <summary>What one cell holds: text, a number, a date (a number Excel shows as a date), or nothing but its style.</summary>
internal readonly record struct CellContent(CellKind Kind, string? Text, double Number, uint Style)
{
    /// <summary>How many columns the cell covers: more than one merges it with the cells to its right.</summary>
    public int Span { get; init; } = 1;

    public bool Wraps => Style is WorkbookStyles.Wrapped or WorkbookStyles.MatrixText or WorkbookStyles.MatrixHeader
        or WorkbookStyles.Editable or WorkbookStyles.NotEditable;

    public CellContent Across(int columns) => this with { Span = columns };

    public static CellContent Empty(uint style = WorkbookStyles.Normal) => new(CellKind.Empty, null, 0, style);

    /// <summary>Always an inline string, never a formula: text that starts with "=" stays text.</summary>
    public static CellContent TextOf(string? text, uint style = WorkbookStyles.Normal) =>
        string.IsNullOrEmpty(text) ? Empty(style) : new(CellKind.Text, text, 0, style);

    public static CellContent NumberOf(double? number, uint style = WorkbookStyles.Normal) =>
        number is { } value ? new(CellKind.Number, null, value, style) : Empty(style);

    /// <summary>A UTC date and time as Excel's serial day number, shown with a date-time format.</summary>
    public static CellContent DateTimeOf(DateTimeOffset? moment) =>
        moment is { } value ? new(CellKind.Number, null, value.UtcDateTime.ToOADate(), WorkbookStyles.DateTime) : Empty();

    public static CellContent DateOf(DateOnly? day) =>
        day is { } value ? new(CellKind.Number, null, value.ToDateTime(TimeOnly.MinValue).ToOADate(), WorkbookStyles.Date) : Empty();
}

internal enum CellKind
{
    Empty,
    Text,
    Number,
}
