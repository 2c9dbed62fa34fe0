using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using static JiuTracker.Tests.Export.WorkbookFile;

namespace JiuTracker.Tests.Export;

/// <summary>The writer on snapshots made up for the case: withdrawals, awkward text, many reports, reports that change.</summary>
public sealed class WorkbookSnapshotTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"jiu-workbook-{Guid.NewGuid():N}.xlsx");

    public void Dispose() => File.Delete(_path);

    private static RecommendationSnapshot Recommendation(
        int number, Acceptance? acceptance = Acceptance.Accepted, ImplementationStatus? implementation = ImplementationStatus.InProgress,
        DateTimeOffset? withdrawnAt = null, string? comment = null, string text = "The executive heads should act by the end of 2024.") =>
        new(number, text, Addressee.ExecutiveHeads, 2024, null, acceptance, implementation,
            comment is null ? [] : [new CommentSnapshot(comment, "someone", DateTimeOffset.UnixEpoch)],
            withdrawnAt, withdrawnAt is null ? null : "Superseded by a later report");

    private static ReportSnapshot Report(string symbol, params RecommendationSnapshot[] recommendations) =>
        new(symbol, "A report", 2023, CebCommentsStatus.Available, null, [new FocalPointName("Ms.", "Ada Lovelace", "IS")], recommendations);

    private static WorkbookContent Content(Func<IAsyncEnumerable<ReportSnapshot>> reports, Func<IAsyncEnumerable<HistoryRow>>? history = null) =>
        new("ITU", AsOf, "Reports of 2023", reports, history ?? (() => AsyncEnumerable.Empty<HistoryRow>()),
            FigureDefinitions.ForDay(AsOf, staleAfterMonths: 6), []);

    private async Task WriteAsync(WorkbookContent content)
    {
        await using var file = File.Create(_path);
        await ActionRequiredWorkbook.WriteAsync(file, content, CancellationToken.None);
    }

    [Fact]
    public async Task WithdrawnRecommendation_IsShownMarked_WithItsDate_ButNotCounted()
    {
        var withdrawnAt = new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);
        ReportSnapshot[] reports = [Report("JIU/REP/2023/1", Recommendation(1), Recommendation(2, withdrawnAt: withdrawnAt))];

        await WriteAsync(Content(() => reports.ToAsyncEnumerable()));

        using var workbook = new WorkbookFile(_path);
        var matrix = Rows(workbook.Sheet("REP-2023-1"));
        Assert.Equal("Withdrawn 2024-03-05: Superseded by a later report", Text(matrix[5]["D"]));
        Assert.DoesNotContain(matrix[5].Values, c => Text(c) == "X");
        var flat = Rows(workbook.Sheet("Recommendations"));
        Assert.Equal(new DateTime(2024, 3, 5), DateTime.FromOADate(Number(flat[2]["N"])));
        Assert.Equal("yyyy-mm-dd", workbook.FormatCode(flat[2]["N"]));
        Assert.False(flat[1].ContainsKey("N"));
        var summary = Rows(workbook.Sheet("Summary"));
        Assert.Equal(1, Number(summary.Single(r => r.TryGetValue("A", out var a) && Text(a) == "Recommendations")["B"]));
    }

    [Fact]
    public async Task Text_WithControlCharacters_OrPastExcelsLimit_IsWrittenAsExcelCanRead()
    {
        ReportSnapshot[] reports = [Report("JIU/REP/2023/1", Recommendation(1, comment: "bell\u0007 here", text: new string('a', 40_000)))];

        await WriteAsync(Content(() => reports.ToAsyncEnumerable()));

        using var workbook = new WorkbookFile(_path);
        var row = Rows(workbook.Sheet("Recommendations"))[1];
        Assert.Equal("bell here", Text(row["J"]));
        Assert.Equal(32_767, Text(row["K"]).Length);
        Assert.EndsWith(" […]", Text(row["K"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_WithMarkupCharacters_LineBreaksAndNonAsciiText_ReadsBackAsWritten()
    {
        // 32,767 euro signs are three bytes each in UTF-8: more than the writer buffers at once.
        var euros = new string('€', 40_000);
        ReportSnapshot[] reports = [Report("JIU/REP/2023/1", Recommendation(1, comment: "a < b && c > d\r\nline 2\rline 3 😀", text: euros))];

        await WriteAsync(Content(() => reports.ToAsyncEnumerable()));

        using var workbook = new WorkbookFile(_path);
        var row = Rows(workbook.Sheet("Recommendations"))[1];
        Assert.Equal("a < b && c > d\nline 2\nline 3 😀", Text(row["J"]));
        Assert.Equal(new string('€', 32_767 - 4) + " […]", Text(row["K"]));
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook.Document));
    }

    [Fact]
    public async Task NoReportsInScope_GivesAValidWorkbook_WithHeadersOnly()
    {
        await WriteAsync(Content(() => AsyncEnumerable.Empty<ReportSnapshot>()));

        using var workbook = new WorkbookFile(_path);
        Assert.Equal(["Summary", "Recommendations", "History"], workbook.SheetNames);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook.Document));
        Assert.Single(Rows(workbook.Sheet("Recommendations")));
    }

    [Fact]
    public async Task Sheets_ReachTheDestination_BeforeTheLastSheetIsRead()
    {
        // 300 reports of 30 recommendations: if the package buffered its parts, nothing would be written before the end.
        var reports = Enumerable.Range(1, 300).Select(n => Report($"JIU/REP/2023/{n}",
            [.. Enumerable.Range(1, 30).Select(i => Recommendation(i, comment: $"Comment {n}.{i} on progress made so far."))])).ToList();
        await using var file = File.Create(_path);
        long writtenBeforeHistory = 0;

        await ActionRequiredWorkbook.WriteAsync(file, Content(() => reports.ToAsyncEnumerable(), () =>
        {
            writtenBeforeHistory = file.Length;
            return AsyncEnumerable.Empty<HistoryRow>();
        }), CancellationToken.None);

        Assert.InRange(writtenBeforeHistory, file.Length * 9 / 10, file.Length);
    }

    [Fact]
    public async Task Reports_AreReadOnce_ForEverySheetAndTheSummary()
    {
        // A second read would give other reports: every sheet must come from the first.
        var passes = 0;
        IAsyncEnumerable<ReportSnapshot> Reports() => (passes++ == 0
            ? new[] { Report("JIU/REP/2023/1", Recommendation(1), Recommendation(2)), Report("JIU/REP/2023/2", Recommendation(1)) }
            : [Report("JIU/REP/2023/3", Recommendation(1))]).ToAsyncEnumerable();

        await WriteAsync(Content(Reports));

        Assert.Equal(1, passes);
        using var workbook = new WorkbookFile(_path);
        Assert.Equal(["Summary", "REP-2023-1", "REP-2023-2", "Recommendations", "History"], workbook.SheetNames);
        Assert.Equal(["JIU/REP/2023/1", "JIU/REP/2023/1", "JIU/REP/2023/2"], Rows(workbook.Sheet("Recommendations")).Skip(1).Select(r => Text(r["A"])));
        Assert.Equal("Recommendation 2: The executive heads should act by the end of 2024.", Text(CellAt(workbook.Sheet("REP-2023-1"), "A6")));
        var summary = Rows(workbook.Sheet("Summary"));
        Assert.Equal(3, Number(summary.Single(r => r.TryGetValue("A", out var a) && Text(a) == "Recommendations")["B"]));
    }
}
