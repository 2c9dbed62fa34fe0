using System.Diagnostics;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using JiuTracker.Web.Export;
using JiuTracker.Web.Export.Workbook;
using Microsoft.EntityFrameworkCore;
using static JiuTracker.Tests.Export.WorkbookFile;

namespace JiuTracker.Tests.Export;

/// <summary>The auditors' workbook of the seed data, read back with the Open XML SDK and checked against the seed.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class WorkbookTests(WorkbookFixture fixture) : IClassFixture<WorkbookFixture>
{
    private WorkbookFile Open() => new(fixture.Path);

    /// <summary>The summary's figure rows: label → count.</summary>
    private static Dictionary<string, double> Figures(Worksheet summary) =>
        Rows(summary).Where(r => r.ContainsKey("A") && r.TryGetValue("B", out var b) && b.DataType is null && b.CellValue is not null)
            .ToDictionary(r => Text(r["A"]), r => Number(r["B"]));

    private static Dictionary<string, Cell> RowLabelled(Worksheet sheet, string label) =>
        Rows(sheet).Single(r => r.TryGetValue("A", out var a) && Text(a) == label);

    private static Dictionary<string, Cell> RowStartingWith(Worksheet sheet, string text) =>
        Rows(sheet).Single(r => r.TryGetValue("A", out var a) && Text(a).StartsWith(text, StringComparison.Ordinal));

    [Fact]
    public void Workbook_HasTheSummaryEachReportRecommendationsAndHistory_InThatOrder()
    {
        using var workbook = Open();

        Assert.Equal(["Summary", "REP-2021-3", "REP-2021-2", "REP-2020-8", "REP-2020-7", "Recommendations", "History"], workbook.SheetNames);
    }

    [Fact]
    public void Workbook_PassesTheOpenXmlValidator()
    {
        using var workbook = Open();

        Assert.Empty(new OpenXmlValidator().Validate(workbook.Document).Select(e => $"{e.Description} at {e.Part?.Uri} {e.Path?.XPath}"));
    }

    [Fact]
    public void Summary_OnTheSeed_CountsTheDashboardsHandCheckedFigures()
    {
        using var workbook = Open();

        var figures = Figures(workbook.Sheet("Summary"));
        Assert.Equal(23, figures["Recommendations"]);
        Assert.Equal(20, figures["Accepted"]);
        Assert.Equal(2, figures["No decision recorded"]);
        Assert.Equal(1, figures["For information only"]);
        Assert.Equal(10, figures["Not started"]);
        Assert.Equal(5, figures["In progress"]);
        Assert.Equal(7, figures["Implemented"]);
        Assert.Equal(9, figures["Overdue"]);
        Assert.DoesNotContain("No recent update", figures.Keys);
    }

    [Fact]
    public void Summary_ShowsBothRatesWithNumeratorAndDenominator()
    {
        using var workbook = Open();
        var summary = workbook.Sheet("Summary");

        var acceptance = RowLabelled(summary, "Acceptance rate");
        Assert.Equal((1.0, 20.0, 20.0), (Number(acceptance["B"]), Number(acceptance["D"]), Number(acceptance["E"])));
        Assert.Equal("0.0%", workbook.FormatCode(acceptance["B"]));
        var implementation = RowLabelled(summary, "Implementation rate");
        Assert.Equal((0.25, 5.0, 20.0), (Number(implementation["B"]), Number(implementation["D"]), Number(implementation["E"])));
    }

    [Fact]
    public void Summary_PrintsTheOrganizationTheAsOfDateTheScopeAndEachDefinition()
    {
        using var workbook = Open();
        var summary = workbook.Sheet("Summary");

        Assert.Equal($"ITU JIU recommendations — status as of {WorkbookFixture.Today:yyyy-MM-dd}", Text(CellAt(summary, "A1")));
        Assert.Equal(("Scope", "All reports"), (Text(CellAt(summary, "A2")), Text(CellAt(summary, "B2"))));
        var asOf = CellAt(summary, "B3")!;
        Assert.Equal(WorkbookFixture.Today.ToDateTime(TimeOnly.MinValue), DateTime.FromOADate(Number(asOf)));
        Assert.Equal("yyyy-mm-dd", workbook.FormatCode(asOf));
        Assert.Equal("Acceptance recorded as Accepted.", Text(RowLabelled(summary, "Accepted")["C"]));
    }

    [Fact]
    public void ReportSheet_MarksTheSeedsStatuses_WithAnX()
    {
        using var workbook = Open();
        var sheet = workbook.Sheet("REP-2020-8");

        // Columns D-G: Accept, Not accept, Not relevant, Requires further consideration; H-J: Not started, In progress, Implemented.
        string Marks(int number) => string.Concat("DEFGHIJ".Select(column =>
            Text(RowStartingWith(sheet, $"Recommendation {number}:").GetValueOrDefault(column.ToString())) == "X" ? column : '.'));
        Assert.Equal("......J", Marks(7));
        Assert.Equal("D....I.", Marks(10));
        Assert.Equal("D.....J", Marks(1));
    }

    [Fact]
    public void ReportSheet_IsLaidOutAsTheDocumentsMatrix()
    {
        using var workbook = Open();
        var sheet = workbook.Sheet("REP-2021-3");

        Assert.Equal("JIU/REP/2021/3 Cybersecurity in the United Nations system organizations", Text(CellAt(sheet, "A1")));
        Assert.Equal("Focal points: Mr. Anders Norsker (GS/IS); Mr. Preetam Maloor (GS/SPM)", Text(CellAt(sheet, "A2")));
        Assert.Equal(
            ["Recommendation", "Addressee", "Deadline", "Acceptance", "Implementation status", "ITU comments (if any)"],
            Rows(sheet)[2].Values.Select(Text).Where(t => t.Length > 0));
        Assert.Equal(
            ["Accept", "Not accept", "Not relevant", "Requires further consideration", "Not started", "In progress", "Implemented"],
            Rows(sheet)[3].Values.Select(Text).Where(t => t.Length > 0));
        Assert.Equal(
            ["A3:A4", "B3:B4", "C3:C4", "D3:G3", "H3:J3", "K3:K4"],
            sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).Order());
        var first = RowStartingWith(sheet, "Recommendation 1:");
        Assert.Equal(2022, Number(first["C"]));
        Assert.Equal("In the workplan for 2022 onward", Text(first["K"]));
    }

    [Fact]
    public void ReportSheet_PutsTheInformationOnlyNote_InPlaceOfTheMarks()
    {
        using var workbook = Open();
        var sheet = workbook.Sheet("REP-2020-7");

        var row = RowStartingWith(sheet, "Recommendation 5:");
        Assert.StartsWith("For information only", Text(row["D"]), StringComparison.Ordinal);
        Assert.DoesNotContain(row.Values, c => Text(c) == "X");
        var rowNumber = row["A"].CellReference!.Value![1..];
        Assert.Contains($"D{rowNumber}:J{rowNumber}", sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value));
    }

    [Fact]
    public void RecommendationsSheet_HasTheCsvColumnsInLabels_TypedCells_AFrozenHeaderAndAnAutofilter()
    {
        using var workbook = Open();
        var sheet = workbook.Sheet("Recommendations");

        var rows = Rows(sheet);
        Assert.Equal(
            ["Report", "Report title", "Year", "Recommendation", "Addressee", "Acceptance", "Implementation", "Deadline", "Focal points",
                "Comments", "Text", "Implementation claimed", "Evidence files", "Withdrawn"],
            rows[0].Values.Select(Text));
        Assert.Equal(RecommendationsCsv.Header.Length + 1, rows[0].Count);
        Assert.Equal(23, rows.Count - 1);
        var first = rows[1];
        Assert.Equal(("JIU/REP/2021/3", 2021.0, 1.0, 2022.0), (Text(first["A"]), Number(first["C"]), Number(first["D"]), Number(first["H"])));
        Assert.Equal(("Executive heads", "Accepted", "Not started", "No"), (Text(first["E"]), Text(first["F"]), Text(first["G"]), Text(first["L"])));
        Assert.Contains(rows.Skip(1), r => Text(r["G"]) == "In progress");
        Assert.Equal("Anders Norsker (GS/IS); Preetam Maloor (GS/SPM)", Text(first["I"]));
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1.0, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal("A1:N24", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
    }

    [Fact]
    public async Task HistorySheet_HasOneRowPerHistoryEntry_WithADateTimeCell()
    {
        var entries = await fixture.App.QueryAsync(db => db.History.CountAsync());
        using var workbook = Open();
        var sheet = workbook.Sheet("History");

        var rows = Rows(sheet);
        Assert.Equal(["When (UTC)", "Who", "Report", "Recommendation", "Field", "Old value", "New value", "Source"], rows[0].Values.Select(Text));
        Assert.Equal(entries, rows.Count - 1);
        var when = rows[1]["A"];
        Assert.Equal("yyyy-mm-dd hh:mm:ss", workbook.FormatCode(when));
        Assert.InRange(DateTime.FromOADate(Number(when)), new DateTime(2000, 1, 1), DateTime.UtcNow.AddMinutes(1));
        Assert.Contains(rows.Skip(1), r => Text(r["E"]) == "Acceptance" && Text(r["F"]) == "Not recorded" && Text(r["G"]) == "Accepted" && r["D"].DataType is null);
        Assert.Contains(rows.Skip(1), r => Text(r["E"]) == "Implementation" && Text(r["G"]) == "In progress");
        Assert.DoesNotContain(rows.Skip(1), r => r.Values.Any(c => Text(c) is "accepted" or "in-progress" or "acceptance"));
    }

    [Theory]
    [InlineData("Recommendations", 1)]
    [InlineData("History", 1)]
    [InlineData("REP-2021-3", 4)]
    public void Sheet_PrintsOnA4Landscape_OnePageWide_WithItsHeaderRowsOnEveryPage(string name, int headerRows)
    {
        using var workbook = Open();

        var titles = workbook.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>()
            .Where(d => d.Name == "_xlnm.Print_Titles")
            .ToDictionary(d => workbook.SheetNames[(int)d.LocalSheetId!.Value], d => d.Text);
        Assert.Equal($"'{name}'!$1:${headerRows}", titles[name]);
        var setup = workbook.Sheet(name).GetFirstChild<PageSetup>()!;
        Assert.Equal((9u, OrientationValues.Landscape, 1u, 0u), (setup.PaperSize!.Value, setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
    }

    [Fact]
    public void ReportSheet_HasAnAutofilter_FromItsHeadingsOverTheWholeMatrix()
    {
        using var workbook = Open();
        var sheet = workbook.Sheet("REP-2021-3");

        var rows = Rows(sheet);
        Assert.Equal($"A4:K{rows.Count}", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.StartsWith("Recommendation", Text(rows[^1]["A"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Recommendations", "K")]
    [InlineData("History", "G")]
    public void DataSheet_WrapsItsTextAndHeadings_InColumnsWideEnoughForEachWord(string name, string wrappedColumn)
    {
        using var workbook = Open();
        var sheet = workbook.Sheet(name);
        var formats = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Wraps(Cell cell) => formats[(int)(cell.StyleIndex?.Value ?? 0)].Alignment?.WrapText?.Value == true;

        var rows = Rows(sheet);
        Assert.All(rows[0].Values, heading => Assert.True(Wraps(heading), $"{Text(heading)} does not wrap"));
        Assert.All(rows.Skip(1).Where(r => r.ContainsKey(wrappedColumn)), r => Assert.True(Wraps(r[wrappedColumn])));
        var widths = sheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(rows[0].Count, widths.Count);
        Assert.All(rows[0].Values.Select((heading, i) => (Word: Text(heading).Split(' ').Max(w => w.Length), Width: widths[i])),
            column => Assert.True(column.Width >= column.Word, $"a heading's word of {column.Word} characters in a column {column.Width} wide"));
        Assert.Contains(sheet.Descendants<Row>().Skip(1), r => r.Height?.Value > 15);
    }

    [Fact]
    public void TextStartingWithEquals_StaysATextCell_AsTyped()
    {
        using var workbook = Open();

        var comments = Text(RowStartingWith(workbook.Sheet("REP-2021-3"), "Recommendation 2:")["K"]);
        Assert.Equal($"In the workplan for 2022 onward\n{WorkbookFixture.FormulaLikeComment}", comments);
        var history = Rows(workbook.Sheet("History")).Single(r => r.TryGetValue("G", out var g) && Text(g) == WorkbookFixture.FormulaLikeComment)["G"];
        Assert.Equal(CellValues.InlineString, history.DataType!.Value);
        Assert.Empty(workbook.Document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
    }

    [Fact]
    public async Task OpenPyXl_WhenInstalled_ReadsTheSheets_WithNumbersAndDatesTyped()
    {
        // An independent reader, used only where Debian's python3-openpyxl is installed.
        const string Script = """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print(",".join(book.sheetnames))
            print(book["Summary"]["B7"].value, type(book["Recommendations"]["C2"].value).__name__, type(book["History"]["A2"].value).__name__)
            print(book["Recommendations"].freeze_panes, book["Recommendations"].auto_filter.ref)
            print(book["Recommendations"].print_title_rows, book["REP-2021-3"].print_title_rows, book["REP-2021-3"].auto_filter.ref)
            """;
        if (!File.Exists("/usr/bin/python3") || await RunPythonAsync("-c", "import openpyxl") is not (0, _))
        {
            return;
        }

        var (exitCode, output) = await RunPythonAsync("-c", Script, fixture.Path);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["Summary,REP-2021-3,REP-2021-2,REP-2020-8,REP-2020-7,Recommendations,History", "23 int datetime", "A2 A1:N24", "$1:$1 $1:$4 A4:K6"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<(int ExitCode, string Output)> RunPythonAsync(params string[] arguments)
    {
        using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        return (python.ExitCode, output);
    }

    [Fact]
    public async Task Workbook_AsOfAPastDay_PrintsThatDay_AndCountsTheRecommendationsItLists()
    {
        var yesterday = WorkbookFixture.Today.AddDays(-1);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jiu-workbook-{Guid.NewGuid():N}.xlsx");
        try
        {
            await fixture.WriteAsync(path, new ExportScope { AsOf = yesterday }.ForReader(false), yesterday);
            using var workbook = new WorkbookFile(path);
            var summary = workbook.Sheet("Summary");

            Assert.Equal($"ITU JIU recommendations — status as of {yesterday:yyyy-MM-dd}", Text(CellAt(summary, "A1")));
            Assert.Equal(yesterday.ToDateTime(TimeOnly.MinValue), DateTime.FromOADate(Number(CellAt(summary, "B3")!)));
            Assert.Equal(Rows(workbook.Sheet("Recommendations")).Count - 1, Figures(summary)["Recommendations"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
