using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>Reads a row's cells: four acceptance columns, three implementation columns, then the comments.</summary>
internal static class RecommendationRowReader
{
    /// <summary>The index of the comments cell among the cells that follow the recommendation cell.</summary>
    public const int CommentsCell = 7;

    private const int MaxCells = 8;
    private const int NoteRowMaxCells = 2;

    private static readonly (string Column, Acceptance Value)[] AcceptanceColumns =
    [
        ("Accept", Acceptance.Accepted),
        ("Not accept", Acceptance.NotAccepted),
        ("Not relevant", Acceptance.NotRelevant),
        ("Requires further consideration", Acceptance.UnderConsideration),
    ];

    private static readonly (string Column, ImplementationStatus Value)[] ImplementationColumns =
    [
        ("Not started", ImplementationStatus.NotStarted),
        ("In progress", ImplementationStatus.InProgress),
        ("Implemented", ImplementationStatus.Implemented),
    ];

    private static readonly string[] CountWords = ["no", "one", "two", "three", "four"];

    /// <summary>The recommendation, or null after adding the errors that keep it from being read.</summary>
    public static LegacyRecommendation? Read(RecommendationRow row, int number, string? symbol, List<LegacyDocumentError> errors)
    {
        var errorsBefore = errors.Count;
        void Fail(int line, string message) => errors.Add(new LegacyDocumentError(line, symbol, number, message));

        if (row.Text.Length == 0)
        {
            Fail(row.Line, "the recommendation cell has no text after its number");
        }

        if (row.Cells.Count > MaxCells)
        {
            Fail(row.Line, $"the row cannot be read: {row.Cells.Count} cells where at most {MaxCells} are expected after the recommendation");
            return null;
        }

        var recommendation = IsInformationOnly(row.Cells)
            ? ReadInformationOnly(row, number)
            : ReadStatuses(row, number, Fail);
        return errors.Count == errorsBefore ? recommendation : null;
    }

    private static LegacyRecommendation ReadInformationOnly(RecommendationRow row, int number)
    {
        var comment = row.Cells.Count == NoteRowMaxCells ? CommentOf(row.Cells[^1]) : null;
        return new LegacyRecommendation(number, row.Text, null, null, comment, row.Cells[0].Text, row.Line);
    }

    private static LegacyRecommendation ReadStatuses(RecommendationRow row, int number, Action<int, string> fail)
    {
        var acceptance = ReadGroup(row, 0, AcceptanceColumns, "acceptance", fail);
        var implementation = ReadGroup(row, AcceptanceColumns.Length, ImplementationColumns, "implementation", fail);
        var comment = row.Cells.Count > CommentsCell ? CommentOf(row.Cells[CommentsCell]) : null;
        return new LegacyRecommendation(number, row.Text, acceptance, implementation, comment, null, row.Line);
    }

    // Word merges the status cells of a row that is for information only into one cell holding a note
    private static bool IsInformationOnly(List<SourceLine> cells) =>
        cells.Count is > 0 and <= NoteRowMaxCells && cells[0].Text.Length > 0 && !IsMark(cells[0].Text);

    /// <summary>The value of the group's one marked column; null when none is marked or the group is in error.</summary>
    private static T? ReadGroup<T>(RecommendationRow row, int offset, (string Column, T Value)[] columns, string group, Action<int, string> fail)
        where T : struct
    {
        var marked = new List<(string Column, T Value)>();
        for (var i = 0; i < columns.Length && offset + i < row.Cells.Count; i++)
        {
            var cell = row.Cells[offset + i];
            if (IsMark(cell.Text))
            {
                marked.Add(columns[i]);
            }
            else if (cell.Text.Length > 0)
            {
                fail(cell.Number, $"the {columns[i].Column} cell holds {TextTools.Quote(cell.Text)} where X or nothing is expected");
            }
        }

        if (marked.Count > 1)
        {
            fail(row.Line, $"{CountWords[marked.Count]} {group} marks: {JoinColumns([.. marked.Select(mark => mark.Column)])}");
        }

        return marked.Count == 1 ? marked[0].Value : null;
    }

    private static bool IsMark(string text) => string.Equals(text, "X", StringComparison.OrdinalIgnoreCase);

    // the hard line wraps of a pasted comment are not kept: the sentence reads as one line (decision 036)
    private static string? CommentOf(SourceLine cell) => cell.Text.Length == 0 ? null : WrappedLines.Join(cell.Text);

    private static string JoinColumns(IReadOnlyList<string> columns) =>
        $"{string.Join(", ", columns.Take(columns.Count - 1))} and {columns[^1]}";
}
