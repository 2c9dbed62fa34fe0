using System.Diagnostics;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Updates.Workbook;
using Xunit.Abstractions;

namespace JiuTracker.Tests.Updates;

/// <summary>
/// The uploaded update workbook read as people's tools write it: by sheet name and header, whatever the producer's
/// way of storing cells; and whole files refused, with a reason, when they cannot be the workbook.
/// </summary>
public class UpdateWorkbookReaderTests(ITestOutputHelper output)
{
    private const long MaxBytes = 10 * 1024 * 1024;

    [Theory]
    [InlineData(WorkbookProducer.Excel)]
    [InlineData(WorkbookProducer.InlineStrings)]
    [InlineData(WorkbookProducer.NoReferences)]
    public void EveryValue_IsRead_HoweverTheProducerStoresCells(WorkbookProducer producer)
    {
        var line = Assert.Single(Lines(TestWorkbooks.Write([TestWorkbooks.Line()], producer)));

        Assert.Equal(
            (2, 12, 3, "JIU/REP/2021/3", 2, Acceptance.Accepted, ImplementationStatus.InProgress, "Workplan adopted.",
                Acceptance.Accepted, ImplementationStatus.NotStarted),
            (line.Row, line.Id, line.Version, line.ReportSymbol, line.Number, line.Acceptance, line.Implementation, line.NewComment,
                line.DownloadedAcceptance, line.DownloadedImplementation));
        Assert.Empty(line.Problems);
    }

    [Fact]
    public void RichTextRuns_OfASharedString_ReadAsOneValue()
    {
        var row = TestWorkbooks.Line();
        row[UpdateSheet.Acceptance] = new RichText("Not ", "accepted");

        Assert.Equal(Acceptance.NotAccepted, Assert.Single(Lines(TestWorkbooks.Write([row]))).Acceptance);
    }

    [Theory]
    [InlineData(WorkbookProducer.Excel)]
    [InlineData(WorkbookProducer.InlineStrings)]
    public void NumbersStoredAsText_OrWithAZeroFraction_AreWholeNumbers(WorkbookProducer producer)
    {
        var row = TestWorkbooks.Line();
        row[UpdateSheet.Id] = " 12 ";
        row[UpdateSheet.Version] = 3.0;
        row[UpdateSheet.Recommendation] = "2";

        var line = Assert.Single(Lines(TestWorkbooks.Write([row], producer)));

        Assert.Equal((12, 3, 2), (line.Id, line.Version, line.Number));
        Assert.Empty(line.Problems);
    }

    [Fact]
    public void AFractionOrAWord_InTheHiddenNumbers_IsAProblemNamingItsCell()
    {
        var row = TestWorkbooks.Line();
        row[UpdateSheet.Id] = 12.5;
        row[UpdateSheet.Version] = "abc";

        var line = Assert.Single(Lines(TestWorkbooks.Write([row])));

        Assert.Equal((null, null), (line.Id, line.Version));
        Assert.Equal(
            [
                "Update!K2: the hidden row id \"12.5\" is not a whole number: the hidden columns must stay as downloaded.",
                "Update!L2: the hidden version when downloaded \"abc\" is not a whole number: the hidden columns must stay as downloaded.",
            ],
            line.Problems);
    }

    [Fact]
    public void AnotherSheetBeforeUpdate_IsIgnored_AndTheSheetIsFoundIgnoringCase()
    {
        var file = TestWorkbooks.Write([TestWorkbooks.Line(id: 7)], sheetName: "UPDATE", otherSheetFirst: true);

        Assert.Equal(7, Assert.Single(Lines(file)).Id);
    }

    [Fact]
    public void NoSheetNamedUpdate_RefusesTheFile()
    {
        var refusal = Refusal(TestWorkbooks.Write([TestWorkbooks.Line()], sheetName: "Sheet1"));

        Assert.Equal("round.xlsx has no sheet named Update: upload the workbook downloaded from JiuTracker, with its sheet Update kept.", refusal);
    }

    [Fact]
    public void ReorderedColumns_AreFoundByTheirHeaders_AndProblemsNameTheRealCell()
    {
        var headers = UpdateSheet.Columns.Reverse().ToList();
        var row = TestWorkbooks.Line(id: 31, acceptance: "Acepted");

        var line = Assert.Single(Lines(TestWorkbooks.Write([row], headers: headers)));

        Assert.Equal((31, 3, ImplementationStatus.InProgress), (line.Id, line.Version, line.Implementation));
        // Acceptance is the 12th of 14 columns reversed: column L.
        Assert.StartsWith("Update!L2: \"Acepted\" is not an acceptance value", Assert.Single(line.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void HeadersWithOtherCaseOrSpaces_AreFound()
    {
        var headers = UpdateSheet.Columns.Select(h => h == UpdateSheet.Id ? "  ROW ID " : h).ToList();
        var row = TestWorkbooks.Line(id: 8);
        row["  ROW ID "] = 8;

        Assert.Equal(8, Assert.Single(Lines(TestWorkbooks.Write([row], headers: headers))).Id);
    }

    [Fact]
    public void DeletedContextColumns_AreNotNeeded()
    {
        var line = Assert.Single(Lines(TestWorkbooks.Write([TestWorkbooks.Line(id: 5)], headers: UpdateSheet.Required)));

        Assert.Equal((5, Acceptance.Accepted), (line.Id, line.Acceptance));
        Assert.Empty(line.Problems);
    }

    [Fact]
    public void MissingRequiredColumns_RefuseTheFile_NamingThem()
    {
        var headers = UpdateSheet.Columns.Where(h => h is not (UpdateSheet.Id or UpdateSheet.NewComment)).ToList();

        var refusal = Refusal(TestWorkbooks.Write([TestWorkbooks.Line()], headers: headers));

        Assert.StartsWith("round.xlsx: the sheet Update has no columns headed \"New comment\", \"Row id\" in row 1.", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequiredColumnTwice_RefusesTheFile()
    {
        var headers = UpdateSheet.Columns.Append(UpdateSheet.Acceptance).ToList();

        Assert.StartsWith("round.xlsx: the sheet Update has more than one column headed \"Acceptance\"", Refusal(TestWorkbooks.Write([TestWorkbooks.Line()], headers: headers)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" not  accepted", "In Progress", Acceptance.NotAccepted, ImplementationStatus.InProgress)]
    [InlineData("NOTRELEVANT", "in-progress", Acceptance.NotRelevant, ImplementationStatus.InProgress)]
    [InlineData("requires further consideration", "not-started", Acceptance.UnderConsideration, ImplementationStatus.NotStarted)]
    [InlineData("under-consideration", "IMPLEMENTED", Acceptance.UnderConsideration, ImplementationStatus.Implemented)]
    public void Statuses_AsLabelsInOddCaseOrSpacing_OrAsCodes_AreRead(string acceptance, string implementation, Acceptance expectedAcceptance, ImplementationStatus expectedImplementation)
    {
        var line = Assert.Single(Lines(TestWorkbooks.Write([TestWorkbooks.Line(acceptance: acceptance, implementation: implementation)])));

        Assert.Equal((expectedAcceptance, expectedImplementation), (line.Acceptance!.Value, line.Implementation!.Value));
        Assert.Empty(line.Problems);
    }

    [Fact]
    public void EmptyOrNotRecordedStatuses_AreNotRecorded()
    {
        var line = Assert.Single(Lines(TestWorkbooks.Write(
            [TestWorkbooks.Line(acceptance: "Not recorded", implementation: " ", downloadedAcceptance: "", downloadedImplementation: "")])));

        Assert.Equal(((Acceptance?)null, (ImplementationStatus?)null, (Acceptance?)null, (ImplementationStatus?)null),
            (line.Acceptance, line.Implementation, line.DownloadedAcceptance, line.DownloadedImplementation));
        Assert.Empty(line.Problems);
    }

    [Fact]
    public void AMisspelledStatus_IsAProblemNamingItsCell()
    {
        var line = Assert.Single(Lines(TestWorkbooks.Write([TestWorkbooks.Line(acceptance: "Acepted", implementation: "Done")])));

        Assert.Equal((null, null), (line.Acceptance, line.Implementation));
        Assert.Equal(
            [
                "Update!C2: \"Acepted\" is not an acceptance value (Accepted, Not accepted, Not relevant, Requires further consideration, or empty).",
                "Update!D2: \"Done\" is not an implementation value (Not started, In progress, Implemented, or empty).",
            ],
            line.Problems);
    }

    [Fact]
    public void AFormula_IsRefusedByName_WhateverItsCachedValue()
    {
        var row = TestWorkbooks.Line();
        row[UpdateSheet.Acceptance] = new Formula("\"Accepted\"", "Accepted");

        var line = Assert.Single(Lines(TestWorkbooks.Write([row])));

        Assert.Null(line.Acceptance);
        Assert.Equal(["Update!C2 holds a formula; type the value itself."], line.Problems);
    }

    [Fact]
    public void AMissingHiddenId_IsAProblem_AndEmptyRowsAreSkipped()
    {
        var blank = UpdateSheet.Columns.ToDictionary(h => h, object? (_) => " ");
        var added = TestWorkbooks.Line(acceptance: "Accepted");
        added[UpdateSheet.Id] = null;

        var lines = Lines(TestWorkbooks.Write([TestWorkbooks.Line(), blank, added]));

        Assert.Equal([2, 4], lines.Select(l => l.Row));
        Assert.Equal(
            "Update!K4: the hidden row id is missing: this row was not in the downloaded workbook; add recommendations in JiuTracker, not in the workbook.",
            Assert.Single(lines[1].Problems));
    }

    [Theory]
    [InlineData(WorkbookProducer.Excel)]
    [InlineData(WorkbookProducer.NoReferences)]
    public void FormattedEmptyCells_AndEmptyRowElements_AreEmpty(WorkbookProducer producer)
    {
        var formatted = UpdateSheet.Columns.ToDictionary(h => h, object? (_) => TestWorkbooks.FormattedEmpty);
        var nothing = UpdateSheet.Columns.ToDictionary(h => h, object? (_) => null);
        var line = TestWorkbooks.Line(id: 40);
        line[UpdateSheet.NewComment] = TestWorkbooks.FormattedEmpty;

        var lines = Lines(TestWorkbooks.Write([formatted, nothing, line, nothing], producer));

        var read = Assert.Single(lines);
        Assert.Equal((4, 40, (string?)null, ImplementationStatus.InProgress), (read.Row, read.Id, read.NewComment, read.Implementation));
        Assert.Empty(read.Problems);
    }

    [Theory]
    [InlineData("  First line\nsecond line \n", "First line\nsecond line")]
    [InlineData("Windows_x000D_\nbreak", "Windows\nbreak")]
    [InlineData("A literal _x005F_x000D_", "A literal _x000D_")]
    [InlineData("   ", null)]
    public void TheNewComment_IsTrimmed_KeepingItsLineBreaks(string typed, string? expected) =>
        Assert.Equal(expected, Assert.Single(Lines(TestWorkbooks.Write([TestWorkbooks.Line(comment: typed)]))).NewComment);

    [Fact]
    public void TenThousandRows_AreAllRead()
    {
        var file = TestWorkbooks.Write(Enumerable.Range(1, 10_000).Select(i => TestWorkbooks.Line(id: i, comment: $"Comment {i}\non two lines")));
        var clock = Stopwatch.StartNew();

        var lines = Lines(file);

        output.WriteLine($"10,000 rows ({file.Length:N0} bytes) read in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Enumerable.Range(1, 10_000), lines.Select(l => l.Id!.Value));
        Assert.All(lines, l => Assert.Empty(l.Problems));
    }

    [Fact]
    public void AMacroEnabledWorkbook_IsRefused()
    {
        var file = TestWorkbooks.Write([TestWorkbooks.Line()], type: SpreadsheetDocumentType.MacroEnabledWorkbook);

        Assert.Equal(MacroRefusal, Refusal(file));
    }

    [Fact]
    public void AWorkbookWithAVbaProject_IsRefused_WhateverItsContentType()
    {
        var file = TestWorkbooks.Write([TestWorkbooks.Line()]);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/vbaProject.bin").Open();
            entry.Write([1, 2, 3]);
        }

        Assert.Equal(MacroRefusal, Refusal(new MemoryStream(file.ToArray())));
    }

    [Fact]
    public void AWordDocument_IsRefused()
    {
        var file = new MemoryStream();
        using (var document = WordprocessingDocument.Create(file, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Update")))));
        }

        file.Position = 0;
        Assert.StartsWith("round.xlsx is not an Excel workbook (.xlsx) (it is a Word document).", Refusal(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("csv")]
    [InlineData("empty")]
    public void BytesThatAreNotAZip_AreRefused(string kind)
    {
        byte[] bytes = kind switch
        {
            "random" => [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))],
            "csv" => "Report,Recommendation,Acceptance\nJIU/REP/2021/3,2,Accepted\n"u8.ToArray(),
            _ => [],
        };

        Assert.StartsWith("round.xlsx is not an Excel workbook (.xlsx).", Refusal(new MemoryStream(bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void AZipThatIsNoWorkbook_IsRefused()
    {
        Assert.StartsWith("round.xlsx is not an Excel workbook (.xlsx) (it is a zip archive holding no workbook).", Refusal(Zip(("notes.txt", 10))), StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedZip_IsRefused()
    {
        var bytes = TestWorkbooks.Write([TestWorkbooks.Line()]).ToArray()[..200];

        Assert.StartsWith("round.xlsx is damaged or not an Excel workbook (.xlsx)", Refusal(new MemoryStream(bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOldOrPasswordProtectedFile_IsRefused()
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]];

        Assert.Equal(
            "round.xlsx is password-protected or in the old .xls format; save it as an Excel Workbook (.xlsx) without a password, then upload it again.",
            Refusal(new MemoryStream(bytes)));
    }

    [Fact]
    public void ATooLargeFile_IsRefused_HavingReadAtMostOneByteMore()
    {
        var file = new CountingStream(TestWorkbooks.Write(Enumerable.Range(1, 200).Select(i => TestWorkbooks.Line(id: i))));

        var result = UpdateWorkbookReader.Read(file, "round.xlsx", maxBytes: 4000);

        Assert.StartsWith("round.xlsx is larger than the 4,000 bytes an update workbook may have; nothing was read.", result.Refusal, StringComparison.Ordinal);
        Assert.Empty(result.Lines);
        Assert.Equal(4001, file.BytesRead);
    }

    [Fact]
    public void AZipBomb_IsRefusedByItsCompressionRatio_WithoutUnpacking()
    {
        // 200 MB of zeros deflate to about 200 KB.
        var file = Zip(("xl/worksheets/sheet1.xml", 200L * 1024 * 1024));

        Assert.StartsWith("round.xlsx holds a part (xl/worksheets/sheet1.xml) compressed more than 100 times", Refusal(file), StringComparison.Ordinal);
    }

    [Fact]
    public void AZipDeclaringMoreThanTheLimit_IsRefusedWithoutUnpacking()
    {
        var file = Zip(("a.xml", 40L * 1024 * 1024), ("b.xml", 40L * 1024 * 1024));

        var result = UpdateWorkbookReader.Read(file, "round.xlsx", maxBytes: 1024 * 1024);

        Assert.StartsWith("round.xlsx would unpack to more than 64 MB", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void APartLargerThanItsDeclaredSize_IsRefusedAsDamaged()
    {
        var bytes = TestWorkbooks.Write(Enumerable.Range(1, 50).Select(i => TestWorkbooks.Line(id: i))).ToArray();
        ZipSizes.Declare(bytes, name => name.StartsWith("xl/worksheets/", StringComparison.Ordinal), 1000);

        Assert.StartsWith("round.xlsx is damaged", Refusal(new MemoryStream(bytes)), StringComparison.Ordinal);
    }

    private const string MacroRefusal =
        "round.xlsx is a macro-enabled workbook, and macro-enabled workbooks are refused. In Excel, save it as Excel Workbook (.xlsx), then upload that file.";

    private static List<UpdateWorkbookLine> Lines(Stream file)
    {
        var result = UpdateWorkbookReader.Read(file, "round.xlsx", MaxBytes);
        Assert.Null(result.Refusal);
        return [.. result.Lines];
    }

    private static string? Refusal(Stream file)
    {
        var result = UpdateWorkbookReader.Read(file, "round.xlsx", MaxBytes);
        Assert.Empty(result.Lines);
        return result.Refusal;
    }

    private static MemoryStream Zip(params (string Name, long Zeros)[] entries)
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            foreach (var (name, size) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                for (long written = 0; written < size; written += zeros.Length)
                {
                    entry.Write(zeros);
                }
            }
        }

        file.Position = 0;
        return file;
    }
}
