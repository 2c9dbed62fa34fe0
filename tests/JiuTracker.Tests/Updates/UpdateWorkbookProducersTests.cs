using JiuTracker.Web.Domain;
using JiuTracker.Web.Updates.Workbook;

namespace JiuTracker.Tests.Updates;

/// <summary>
/// Update workbooks written by other producers than the SDK, read back: one written by openpyxl, one re-saved by
/// LibreOffice Calc. Each needs its Debian package and fails, naming it, without.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class UpdateWorkbookProducersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jiu-update-workbook-").FullName;

    [Fact]
    public async Task AWorkbookWrittenByOpenPyXl_IsRead()
    {
        const string Script = """
            import sys, openpyxl
            book = openpyxl.Workbook()
            book.active.title = "Notes"
            sheet = book.create_sheet("Update")
            headers = sys.argv[2].split("|")
            sheet.append(headers)
            def row(**values):
                sheet.append([values.get(h) for h in headers])
            row(**{"Report": "JIU/REP/2021/3", "Recommendation": 2, "Acceptance": "Not accepted", "New comment": "  First line\nsecond line ",
                   "Row id": 12, "Version when downloaded": 3, "Acceptance when downloaded": "accepted"})
            row(**{"Report": "JIU/REP/2021/3", "Recommendation": 3.0, "Acceptance": "accepted", "Implementation": "in progress",
                   "Row id": "13", "Version when downloaded": " 4 ", "Implementation when downloaded": "not-started"})
            row(**{"Report": "JIU/REP/2021/3", "Recommendation": 4, "Acceptance": '=IF(1,"Accepted","")', "Row id": 14, "Version when downloaded": 1})
            book.save(sys.argv[1])
            """;
        var path = Path.Combine(_folder, "openpyxl.xlsx");
        var (exitCode, output) = await WorkbookTools.RunOpenPyXlAsync(Script, path, string.Join('|', UpdateSheet.Columns));
        Assert.True(exitCode == 0, output);

        var lines = Read(path);

        Assert.Equal([2, 3, 4], lines.Select(l => l.Row));
        Assert.Equal(
            (12, 3, "JIU/REP/2021/3", 2, Acceptance.NotAccepted, (ImplementationStatus?)null, "First line\nsecond line", Acceptance.Accepted, (ImplementationStatus?)null),
            (lines[0].Id, lines[0].Version, lines[0].ReportSymbol, lines[0].Number, lines[0].Acceptance, lines[0].Implementation, lines[0].NewComment,
                lines[0].DownloadedAcceptance, lines[0].DownloadedImplementation));
        Assert.Equal(
            (13, 4, 3, Acceptance.Accepted, ImplementationStatus.InProgress, (string?)null, ImplementationStatus.NotStarted),
            (lines[1].Id, lines[1].Version, lines[1].Number, lines[1].Acceptance, lines[1].Implementation, lines[1].NewComment, lines[1].DownloadedImplementation));
        Assert.Equal((14, (Acceptance?)null), (lines[2].Id, lines[2].Acceptance));
        Assert.Equal(["Update!C4 holds a formula; type the value itself."], lines[2].Problems);
        Assert.All(lines.Take(2), l => Assert.Empty(l.Problems));
    }

    [Fact]
    public async Task AWorkbookReSavedByLibreOfficeCalc_IsRead()
    {
        var second = TestWorkbooks.Line(id: 13, version: 4, number: 3, acceptance: "Not relevant", implementation: "", comment: "Line one\nline two", downloadedAcceptance: "", downloadedImplementation: "");
        second[UpdateSheet.Id] = "13";
        var formula = TestWorkbooks.Line(id: 14);
        formula[UpdateSheet.Implementation] = new Formula("\"In progress\"", "In progress");
        var input = Path.Combine(_folder, "in", "round.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        await using (var file = File.Create(input))
        {
            TestWorkbooks.Write([TestWorkbooks.Line(), second, formula], WorkbookProducer.InlineStrings, otherSheetFirst: true).CopyTo(file);
        }

        var lines = Read(await WorkbookTools.ResaveWithLibreOfficeAsync(input, _folder));

        Assert.Equal([2, 3, 4], lines.Select(l => l.Row));
        Assert.Equal(
            (12, 3, "JIU/REP/2021/3", 2, Acceptance.Accepted, ImplementationStatus.InProgress, "Workplan adopted.", Acceptance.Accepted, ImplementationStatus.NotStarted),
            (lines[0].Id!.Value, lines[0].Version!.Value, lines[0].ReportSymbol, lines[0].Number!.Value, lines[0].Acceptance!.Value, lines[0].Implementation!.Value,
                lines[0].NewComment, lines[0].DownloadedAcceptance!.Value, lines[0].DownloadedImplementation!.Value));
        Assert.Equal(
            (13, 4, Acceptance.NotRelevant, (ImplementationStatus?)null, "Line one\nline two", (Acceptance?)null),
            (lines[1].Id, lines[1].Version, lines[1].Acceptance, lines[1].Implementation, lines[1].NewComment, lines[1].DownloadedAcceptance));
        Assert.Equal(["Update!D4 holds a formula; type the value itself."], lines[2].Problems);
        Assert.All(lines.Take(2), l => Assert.Empty(l.Problems));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<UpdateWorkbookLine> Read(string path)
    {
        using var file = File.OpenRead(path);
        var result = UpdateWorkbookReader.Read(file, Path.GetFileName(path), 10 * 1024 * 1024);
        Assert.Null(result.Refusal);
        return [.. result.Lines];
    }
}
