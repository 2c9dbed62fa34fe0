using System.Text;
using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Import;

/// <summary>The <c>import</c> command run as a person runs it: the app's own executable in a process of its own.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class ImportCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<(int ExitCode, string Output, string Errors)> RunImportAsync(string documentText, params string[] options) =>
        RunImportAsync(Encoding.UTF8.GetBytes(documentText), options);

    private async Task<(int ExitCode, string Output, string Errors)> RunImportAsync(byte[] documentBytes, params string[] options)
    {
        var file = Path.Combine(_database.Directory, "action-required.txt");
        await File.WriteAllBytesAsync(file, documentBytes);
        return await AppCommand.RunAsync(_database.Directory, ["import", file, .. options, $"--ConnectionStrings:JiuTracker={_database.ConnectionString}"]);
    }

    /// <summary>The seed with no year range in its title: it then states no date its statuses are as of.</summary>
    private static string SeedStatingNoDate() =>
        TestDocuments.SeedWithLine(2, " 2020- 2021 JIU UN SYSTEM-WIDE REPORTS", " JIU UN SYSTEM-WIDE REPORTS");

    private async Task<List<DateTimeOffset>> HistoryTimesAsync()
    {
        await using var db = _database.CreateContext();
        return [.. (await db.History.Select(h => h.ChangedAt).ToListAsync()).Distinct()];
    }

    [Fact]
    public async Task Import_Seed_DatesItsStatusesAtTheDateTheDocumentStates_AndPrintsTheDay()
    {
        var (exitCode, output, errors) = await RunImportAsync(TestDocuments.SeedText());

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Statuses as of 2021-12-31: the date the document states.", output, StringComparison.Ordinal);
        Assert.Equal([new DateTimeOffset(2021, 12, 31, 0, 0, 0, TimeSpan.Zero)], await HistoryTimesAsync());
    }

    [Fact]
    public async Task Import_WithAsOf_DatesItsStatusesAtThatDay_AndPrintsIt()
    {
        var (exitCode, output, errors) = await RunImportAsync(TestDocuments.SeedText(), "--as-of", "2024-06-30");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Statuses as of 2024-06-30: the day given with --as-of.", output, StringComparison.Ordinal);
        Assert.Equal([new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero)], await HistoryTimesAsync());
        await using var db = _database.CreateContext();
        Assert.All(await db.History.Select(h => h.Source).ToListAsync(), source =>
            Assert.StartsWith("imported from action-required.txt, statuses as of 2024-06-30; imported ", source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_OfADocumentStatingNoDate_WithoutAsOf_ExitsTwo_AskingForIt_AndImportsNothing()
    {
        var (exitCode, output, errors) = await RunImportAsync(SeedStatingNoDate());

        Assert.Equal(2, exitCode);
        Assert.Contains("the document states no date its statuses are as of", errors, StringComparison.Ordinal);
        Assert.Contains("Give it with --as-of yyyy-MM-dd. Nothing was imported.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Created", output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Import_OfADocumentStatingNoDate_WithAsOf_IsImported()
    {
        var (exitCode, output, errors) = await RunImportAsync(SeedStatingNoDate(), "--as-of", "2022-01-15");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Statuses as of 2022-01-15", output, StringComparison.Ordinal);
        Assert.Equal((4, 23), ((await CountsAsync()).Reports, (await CountsAsync()).Recommendations));
    }

    [Theory]
    [InlineData("31/12/2021", "Cannot import: --as-of \"31/12/2021\" is not a date; write it as yyyy-MM-dd (e.g. 2021-12-31). Nothing was imported.")]
    [InlineData("2999-01-01", "Cannot import: Statuses as of: the day must be between 1990-01-01 and ")]
    [InlineData("1989-12-31", "Cannot import: Statuses as of: the day must be between 1990-01-01 and ")]
    public async Task Import_WithAnAsOfThatIsNoDayOrOutOfRange_ExitsTwo_InWords_AndImportsNothing(string day, string expected)
    {
        var (exitCode, _, errors) = await RunImportAsync(TestDocuments.SeedText(), "--as-of", day);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Import_WithAsOfButNoDay_ExitsTwo_WithTheUsage()
    {
        var (exitCode, _, errors) = await RunImportAsync(TestDocuments.SeedText(), "--as-of");

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: import <file> [--as-of yyyy-MM-dd]", errors, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    private async Task<(int Reports, int Recommendations, int History)> CountsAsync()
    {
        await using var db = _database.CreateContext();
        return (await db.Reports.CountAsync(), await db.Recommendations.CountAsync(), await db.History.CountAsync());
    }

    [Fact]
    public async Task Import_Seed_ExitsZero_AndPrintsWhatItCreated()
    {
        var (exitCode, output, errors) = await RunImportAsync(TestDocuments.SeedText());

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Created JIU/REP/2021/3 \"Cybersecurity in the United Nations system organizations\": 2 recommendations", output, StringComparison.Ordinal);
        Assert.Contains("Imported 4 reports, 23 recommendations, 5 new focal points; 0 reports already registered.", output, StringComparison.Ordinal);
        var counts = await CountsAsync();
        Assert.Equal((4, 23), (counts.Reports, counts.Recommendations));
    }

    [Fact]
    public async Task Import_Seed_WritesTheAuditEntryTheUploadPageWrites_ThenNoneWhenNothingIsNew()
    {
        await RunImportAsync(TestDocuments.SeedText());
        await RunImportAsync(TestDocuments.SeedText());

        await using var db = _database.CreateContext();
        var audit = await db.AdminAudit.Where(a => a.Action == JiuTracker.Web.Domain.AdminAction.DocumentImported).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("action-required.txt", entry.Subject);
        Assert.StartsWith("import command (run by ", entry.By, StringComparison.Ordinal);
        Assert.StartsWith("Imported 4 report(s) (", entry.Details, StringComparison.Ordinal);
        Assert.Contains("23 recommendation(s); new focal points: ", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Twice_SkipsTheRegisteredReports_AndSaysSo()
    {
        await RunImportAsync(TestDocuments.SeedText());
        var before = await CountsAsync();

        var (exitCode, output, _) = await RunImportAsync(TestDocuments.SeedText());

        Assert.Equal(0, exitCode);
        Assert.Contains("Skipped JIU/REP/2020/8: already registered, left unchanged.", output, StringComparison.Ordinal);
        Assert.Contains("Imported 0 reports, 0 recommendations, 0 new focal points; 4 reports already registered.", output, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_WithTwoAcceptanceMarks_ExitsNonZero_NamesTheReportRecommendationAndLine_AndImportsNothing()
    {
        // Line 60 is the "Not accept" cell of JIU/REP/2021/3 recommendation 1 (its row starts on line 57), already marked "Accept".
        var document = TestDocuments.SeedWithLine(60, "\t", "\tX");

        var (exitCode, output, errors) = await RunImportAsync(document);

        Assert.Equal(1, exitCode);
        Assert.Contains("nothing was imported", errors, StringComparison.Ordinal);
        Assert.Contains("line 57, JIU/REP/2021/3, recommendation 1: two acceptance marks: Accept and Not accept", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Created", output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Import_OfAFileThatIsNotTheDocument_ExitsNonZero_AndImportsNothing()
    {
        var (exitCode, _, errors) = await RunImportAsync("Minutes of the meeting\nNothing here is a JIU report.\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1", errors, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Import_OfAMissingFile_ExitsNonZero_WithTheReason()
    {
        var (exitCode, _, errors) = await AppCommand.RunAsync(_database.Directory, ["import", "no-such-file.txt", $"--ConnectionStrings:JiuTracker={_database.ConnectionString}"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("there is no file", errors, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EncodedDocuments.Encodings), MemberType = typeof(EncodedDocuments))]
    public async Task Import_OfTheSeedSavedInEachEncoding_StoresWhatTheDocumentSays(string encoding)
    {
        var text = EncodedDocuments.SeedWithAccents();
        var expected = TestDocuments.ReadSucceeding(text);

        var (exitCode, output, errors) = await RunImportAsync(EncodedDocuments.Bytes(text, encoding));

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Imported 4 reports, 23 recommendations, 5 new focal points", output, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var texts = await db.Recommendations.OrderBy(r => r.Text).Select(r => r.Text).ToListAsync();
        Assert.Equal(expected.Reports.SelectMany(r => r.Recommendations).Select(r => r.Text).Order(StringComparer.Ordinal), texts.Order(StringComparer.Ordinal));
        var comments = await db.Comments.Select(c => c.Text).ToListAsync();
        Assert.Equal(expected.Reports.SelectMany(r => r.Recommendations).Select(r => r.Comment).OfType<string>().Order(StringComparer.Ordinal), comments.Order(StringComparer.Ordinal));
        Assert.True(await db.FocalPoints.AnyAsync(f => f.Name == "Robin Zürcher"));
        Assert.Contains(texts, t => t.Contains("“papier économe”", StringComparison.Ordinal) && t.Contains("groups – such as", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_OfAWordDocx_ExitsNonZero_SayingToSaveAsPlainText_AndImportsNothing()
    {
        var (exitCode, output, errors) = await RunImportAsync(EncodedDocuments.Docx());

        Assert.Equal(1, exitCode);
        Assert.Contains("action-required.txt is a zip archive (a Word .docx document is one), not plain text.", errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", errors, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Import_OfAFileOverTheLimit_ExitsNonZero_NamingTheLimit_AndImportsNothing()
    {
        var oversize = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(TestDocuments.SeedText(), 400)));
        Assert.True(oversize.Length > 5 * 1024 * 1024);

        var (exitCode, _, errors) = await RunImportAsync(oversize);

        Assert.Equal(1, exitCode);
        Assert.Contains("larger than the 5.0 MB a document may have (setting Import:MaxFileBytes)", errors, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }
}
