using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using JiuTracker.Tests.Export;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Updates.Workbook;
using static JiuTracker.Tests.Export.WorkbookFile;

namespace JiuTracker.Tests.Updates;

/// <summary>The update workbook written from rows made up for the case, read back with the Open XML SDK.</summary>
public sealed class UpdateWorkbookWriterTests : IDisposable
{
    private const string Title = "JIU recommendations of JIU/REP/2021/3 — update of 2025-06-30";

    private static readonly DateTimeOffset ChangedAt = new(2025, 5, 4, 10, 30, 0, TimeSpan.Zero);

    private static readonly UpdateWorkbookRow AcceptedInProgress = new(
        11, 3, "JIU/REP/2021/3", 1, "The executive heads should act by the end of 2024.", Addressee.ExecutiveHeads, 2024,
        Acceptance.Accepted, ImplementationStatus.InProgress, "Work started.\nHalf done.", ChangedAt, InformationOnly: false);

    private static readonly UpdateWorkbookRow NotRecorded = new(
        12, 1, "JIU/REP/2021/3", 2, "=1+1 \u0001looks like a formula", Addressee.LegislativeBodies, null,
        null, null, "", null, InformationOnly: false);

    private static readonly UpdateWorkbookRow InformationOnly = new(
        13, 2, "JIU/REP/2021/3", 3, "The legislative bodies may wish to take note.", Addressee.LegislativeBodies, 2025,
        null, null, "", ChangedAt, InformationOnly: true);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"jiu-update-{Guid.NewGuid():N}.xlsx");

    public void Dispose() => File.Delete(_path);

    /// <summary>Column letters by header: the contract has fewer than 27 columns.</summary>
    private static string Column(string header) => ((char)('A' + UpdateSheet.Columns.ToList().IndexOf(header))).ToString();

    private async Task<WorkbookFile> WriteAsync(params UpdateWorkbookRow[] rows)
    {
        await using (var file = File.Create(_path))
        {
            await UpdateWorkbookWriter.WriteAsync(file, Title, rows.ToAsyncEnumerable(), CancellationToken.None);
        }

        return new WorkbookFile(_path);
    }

    private Task<WorkbookFile> WriteTheThreeRowsAsync() => WriteAsync(AcceptedInProgress, NotRecorded, InformationOnly);

    private static string Cell(Worksheet sheet, int row, string header) => Text(CellAt(sheet, $"{Column(header)}{row}"));

    [Fact]
    public async Task Workbook_PassesTheOpenXmlValidator_ForOffice2019()
    {
        using var workbook = await WriteTheThreeRowsAsync();

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook.Document);

        Assert.Empty(errors.Select(e => $"{e.Description} at {e.Part?.Uri} {e.Path?.XPath}"));
    }

    [Fact]
    public async Task Workbook_WithNoRows_IsValid_WithTheHeaderOnly_AndNoListOverIt()
    {
        using var workbook = await WriteAsync();
        var sheet = workbook.Sheet(UpdateSheet.Name);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook.Document));
        Assert.Single(Rows(sheet));
        Assert.Empty(sheet.Descendants<DataValidation>());
    }

    [Fact]
    public async Task Sheets_AreUpdateFirstAndSelected_ThenHowTo()
    {
        using var workbook = await WriteTheThreeRowsAsync();

        Assert.Equal([UpdateSheet.Name, "How to"], workbook.SheetNames);
        Assert.True(workbook.Sheet(UpdateSheet.Name).Descendants<SheetView>().Single().TabSelected?.Value);
    }

    [Fact]
    public async Task HeaderRow_IsTheContractsColumns_InOrder_InBold()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var header = Rows(workbook.Sheet(UpdateSheet.Name))[0];

        Assert.Equal(UpdateSheet.Columns, header.Values.Select(Text));
        var stylesheet = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.All(header.Values, cell =>
        {
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            Assert.NotNull(stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).Bold);
        });
    }

    [Fact]
    public async Task StatusCells_ShowLabels_AndHiddenColumnsTheCodes_EmptyWhenNotRecorded()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var sheet = workbook.Sheet(UpdateSheet.Name);

        Assert.Equal(("Accepted", "In progress"), (Cell(sheet, 2, UpdateSheet.Acceptance), Cell(sheet, 2, UpdateSheet.Implementation)));
        Assert.Equal(("accepted", "in-progress"), (Cell(sheet, 2, UpdateSheet.DownloadedAcceptance), Cell(sheet, 2, UpdateSheet.DownloadedImplementation)));
        Assert.Equal(("", ""), (Cell(sheet, 3, UpdateSheet.Acceptance), Cell(sheet, 3, UpdateSheet.Implementation)));
        Assert.Equal(("", ""), (Cell(sheet, 3, UpdateSheet.DownloadedAcceptance), Cell(sheet, 3, UpdateSheet.DownloadedImplementation)));
    }

    [Fact]
    public async Task IdAndVersion_AreNumberCells_OfTheRow()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var rows = Rows(workbook.Sheet(UpdateSheet.Name));

        Assert.Equal([11.0, 12, 13], rows.Skip(1).Select(r => Number(r[Column(UpdateSheet.Id)])));
        Assert.Equal([3.0, 1, 2], rows.Skip(1).Select(r => Number(r[Column(UpdateSheet.Version)])));
    }

    [Fact]
    public async Task ContextColumns_HoldText_AddresseeLabel_DeadlineYear_Comments_AndLastChangeAsADateTime()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var sheet = workbook.Sheet(UpdateSheet.Name);
        var row = Rows(sheet)[1];

        Assert.Equal("JIU/REP/2021/3", Text(row[Column(UpdateSheet.Report)]));
        Assert.Equal(1, Number(row[Column(UpdateSheet.Recommendation)]));
        Assert.Equal(AcceptedInProgress.Text, Text(row[Column(UpdateSheet.Text)]));
        Assert.Equal("Executive heads", Text(row[Column(UpdateSheet.Addressee)]));
        Assert.Equal(2024, Number(row[Column(UpdateSheet.Deadline)]));
        Assert.Equal("Work started.\nHalf done.", Text(row[Column(UpdateSheet.CurrentComments)]));
        var lastChange = row[Column(UpdateSheet.LastChange)];
        Assert.Equal(ChangedAt.UtcDateTime, DateTime.FromOADate(Number(lastChange)));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", workbook.FormatCode(lastChange));
    }

    [Fact]
    public async Task NullDeadlineAndLastChange_AreEmptyCells()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var sheet = workbook.Sheet(UpdateSheet.Name);

        Assert.Equal(("", ""), (Cell(sheet, 3, UpdateSheet.Deadline), Cell(sheet, 3, UpdateSheet.LastChange)));
    }

    [Fact]
    public async Task Text_StartingWithEquals_StaysAnInlineString_WithoutControlCharacters()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var cell = CellAt(workbook.Sheet(UpdateSheet.Name), $"{Column(UpdateSheet.Text)}3")!;

        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal("=1+1 looks like a formula", Text(cell));
    }

    [Fact]
    public async Task DataValidations_ListTheLabels_OverEveryDataRowOfAcceptanceAndImplementation()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var validations = workbook.Sheet(UpdateSheet.Name).Descendants<DataValidation>().ToList();

        var byRange = validations.ToDictionary(v => v.SequenceOfReferences!.InnerText ?? "");
        var acceptance = byRange[$"{Column(UpdateSheet.Acceptance)}2:{Column(UpdateSheet.Acceptance)}4"];
        var implementation = byRange[$"{Column(UpdateSheet.Implementation)}2:{Column(UpdateSheet.Implementation)}4"];
        Assert.Equal(2, validations.Count);
        Assert.Equal("\"Accepted,Not accepted,Not relevant,Requires further consideration\"", acceptance.Formula1!.Text);
        Assert.Equal("\"Not started,In progress,Implemented\"", implementation.Formula1!.Text);
        Assert.All(validations, v =>
        {
            Assert.Equal(DataValidationValues.List, v.Type?.Value);
            Assert.True(v.AllowBlank?.Value);
            Assert.True(v.ShowErrorMessage?.Value);
        });
        Assert.Contains("Requires further consideration", acceptance.Error?.Value, StringComparison.Ordinal);
        Assert.Contains("In progress", implementation.Error?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sheet_IsProtected_AllowingSortAndFilter()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var protection = workbook.Sheet(UpdateSheet.Name).Descendants<SheetProtection>().Single();

        Assert.True(protection.Sheet?.Value);
        Assert.False(protection.Sort?.Value);
        Assert.False(protection.AutoFilter?.Value);
    }

    [Fact]
    public async Task UnlockedCells_AreExactlyTheEditableCells_OfRowsThatTakeAStatus()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var formats = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Unlocked(Cell cell) =>
            formats[(int)(cell.StyleIndex?.Value ?? 0)] is { ApplyProtection.Value: true, Protection.Locked.Value: false };

        var unlocked = workbook.Sheet(UpdateSheet.Name).Descendants<Cell>().Where(Unlocked).Select(c => c.CellReference!.Value);

        int[] rowsTakingAStatus = [2, 3];
        string[] expected = [.. from row in rowsTakingAStatus from header in UpdateSheet.Editable select $"{Column(header)}{row}"];
        Assert.Equal(expected.Order(), unlocked.Order());
    }

    [Fact]
    public async Task InformationOnlyRow_SaysSoInTheRow_AndOffersNoCellToFillIn()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var sheet = workbook.Sheet(UpdateSheet.Name);

        Assert.StartsWith("For information only", Cell(sheet, 4, UpdateSheet.Text), StringComparison.Ordinal);
        Assert.DoesNotContain("For information only", Cell(sheet, 2, UpdateSheet.Text), StringComparison.Ordinal);
        Assert.All(UpdateSheet.Editable, header => Assert.Equal("", Cell(sheet, 4, header)));
    }

    [Fact]
    public async Task HiddenColumns_AreTheContractsHiddenOnes()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var columns = workbook.Sheet(UpdateSheet.Name).Descendants<Column>();

        var hidden = columns.Where(c => c.Hidden?.Value == true).Select(c => UpdateSheet.Columns[(int)c.Min!.Value - 1]);

        Assert.Equal(UpdateSheet.Hidden, hidden);
    }

    [Fact]
    public async Task HeaderRow_IsFrozen_AndFiltered()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var sheet = workbook.Sheet(UpdateSheet.Name);
        var pane = sheet.Descendants<Pane>().Single();

        Assert.Equal((1.0, PaneStateValues.Frozen), (pane.VerticalSplit?.Value, pane.State?.Value));
        Assert.Equal("A1:N4", sheet.Descendants<AutoFilter>().Single().Reference?.Value);
    }

    [Fact]
    public async Task TextColumn_IsWiderThanTheCodeColumns()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var widths = workbook.Sheet(UpdateSheet.Name).Descendants<Column>().ToDictionary(c => UpdateSheet.Columns[(int)c.Min!.Value - 1], c => c.Width!.Value);

        Assert.All(UpdateSheet.Hidden, header => Assert.True(widths[UpdateSheet.Text] > 2 * widths[header], header));
    }

    [Fact]
    public async Task PrintSetup_IsA4Landscape_OnePageWide()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var sheet = workbook.Sheet(UpdateSheet.Name);
        var setup = sheet.Descendants<PageSetup>().Single();

        Assert.Equal((9u, OrientationValues.Landscape, 1u, 0u), (setup.PaperSize?.Value, setup.Orientation?.Value, setup.FitToWidth?.Value, setup.FitToHeight?.Value));
        Assert.True(sheet.Descendants<PageSetupProperties>().Single().FitToPage?.Value);
    }

    [Fact]
    public async Task PrintTitles_RepeatTheHeaderRow_OfTheUpdateSheet()
    {
        using var workbook = await WriteTheThreeRowsAsync();

        var name = workbook.Document.WorkbookPart!.Workbook.Descendants<DefinedName>().Single();

        Assert.Equal(("_xlnm.Print_Titles", 0u, "'Update'!$1:$1"), (name.Name?.Value, name.LocalSheetId?.Value, name.Text));
    }

    [Fact]
    public async Task HowToSheet_StartsWithTheTitle_AndNamesTheUploadPage()
    {
        using var workbook = await WriteTheThreeRowsAsync();
        var lines = Rows(workbook.Sheet("How to")).Select(r => Text(r["A"])).ToList();

        Assert.Equal(Title, lines[0]);
        Assert.Contains(lines, l => l.Contains("\"Upload an update workbook\" page", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("hidden columns", StringComparison.Ordinal));
    }
}
