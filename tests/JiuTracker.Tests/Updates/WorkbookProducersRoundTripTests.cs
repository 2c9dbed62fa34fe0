using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Updates;

/// <summary>
/// The workbook the app hands out, filled in by the other producers people use and uploaded back: edited by a script
/// with openpyxl, and filled in then saved again by LibreOffice Calc (shared strings, its own styles and layout).
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class WorkbookProducersRoundTripTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IDisposable
{
    private const string Report = DemoAccounts.EnvironmentReport;
    private readonly string _folder = Directory.CreateTempSubdirectory("jiu-producers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheDownloadedWorkbook_PassesTheOpenXmlValidator()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var workbook = await DownloadedWorkbook.DownloadAsync(client);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook.Bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheDownloadedWorkbook_EditedByAnOpenPyXlScript_UploadsAndApplies()
    {
        const string Script = """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Update"]
            headers = {cell.value: cell.column for cell in sheet[1]}
            for row in sheet.iter_rows(min_row=2):
                if row[headers["Report"] - 1].value == sys.argv[2] and str(row[headers["Recommendation"] - 1].value) == "3":
                    row[headers["New comment"] - 1].value = "Typed by a script."
            book.save(sys.argv[1])
            """;
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var path = Path.Combine(_folder, "scripted.xlsx");
        await File.WriteAllBytesAsync(path, (await DownloadedWorkbook.DownloadAsync(client)).Bytes);
        var (exitCode, output) = await WorkbookTools.RunOpenPyXlAsync(Script, path, Report);
        Assert.True(exitCode == 0, output);

        var preview = await new UpdateWorkbookEditor(await File.ReadAllBytesAsync(path)).UploadAsync(client, "scripted.xlsx");

        Assert.StartsWith("1 to change", preview.QuerySelector("#preview-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DownloadedWorkbook.ApplyAsync(client, preview)).StatusCode);
        Assert.True(await app.QueryAsync(db => db.Comments.AnyAsync(c => c.Text == "Typed by a script." && c.Recommendation.Number == 3)));
    }

    [Fact]
    public async Task TheDownloadedWorkbook_FilledInThenSavedByLibreOfficeCalc_UploadsAndApplies()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var filledIn = (await DownloadedWorkbook.DownloadAsync(client)).Set(Report, 4, UpdateSheet.NewComment, "Saved by LibreOffice.");
        var path = Path.Combine(_folder, "calc.xlsx");
        await File.WriteAllBytesAsync(path, filledIn.Bytes);
        var saved = await WorkbookTools.ResaveWithLibreOfficeAsync(path, _folder);

        var preview = await new UpdateWorkbookEditor(await File.ReadAllBytesAsync(saved)).UploadAsync(client, "calc.xlsx");

        Assert.StartsWith("1 to change", preview.QuerySelector("#preview-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Report} recommendation 4", preview.QuerySelector("#change")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DownloadedWorkbook.ApplyAsync(client, preview)).StatusCode);
        Assert.True(await app.QueryAsync(db => db.Comments.AnyAsync(c => c.Text == "Saved by LibreOffice." && c.Recommendation.Number == 4)));
    }
}
