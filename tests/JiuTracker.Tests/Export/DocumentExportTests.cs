using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Tests.Import;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Export;

/// <summary>The "Action required" Word document, read back with the Open XML SDK and compared with the seed cell for cell.</summary>
public class DocumentExportTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(string query = "")
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var response = await client.GetAsync("/export/action-required.docx" + query);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static List<List<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Select(row => row.Elements<TableCell>()
            .Select(cell => string.Join("\n", cell.Elements<Paragraph>().Select(p => p.InnerText))).ToList())];

    [Fact]
    public async Task Document_IsAValidA4LandscapeWordFile_NamedWithItsDate()
    {
        var (response, bytes) = await DownloadAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"action-required-{DateTime.UtcNow:yyyy-MM-dd}.docx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var page = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((PageOrientationValues.Landscape, 16838u, 11906u), (page.Orient!.Value, page.Width!.Value, page.Height!.Value));
    }

    [Fact]
    public async Task Document_HasTheTitleBlockAndTable1_AsTheSeed()
    {
        var (_, bytes) = await DownloadAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("2020–2021 JIU UN SYSTEM-WIDE REPORTS", text);
        Assert.Contains("ACCEPTANCE OF RECOMMENDATIONS AND IMPLEMENTATION STATUS", text);
        Assert.Contains($"ITU — status as of {DateTime.UtcNow:yyyy-MM-dd}", text);

        var table1 = Rows(body.Elements<Table>().First());
        Assert.Equal(["REPORT NUMBER", "REPORT TITLE", "ITU FOCAL POINT"], table1[0]);
        Assert.Equal(
            [
                ["JIU/REP/2021/3", "Cybersecurity in the United Nations system organizations", "Mr. Anders Norsker (GS/IS) and Mr. Preetam Maloor (GS/SPM)"],
                ["JIU/REP/2021/2", "Review of United Nations system support for landlocked developing countries to implement the Vienna Programme of Action", "Mr. Cosmas Zavazava (BDT)"],
                ["JIU/REP/2020/8", "Review of mainstreaming environmental sustainability across organizations of the United Nations system", "Ms. Robin Zuercher (SPD/GS)"],
                ["JIU/REP/2020/7", "Blockchain applications in the United Nations system: towards a state of readiness", "Mr. Martin Adolph (TSB)"],
            ],
            table1.Skip(1));
    }

    [Fact]
    public async Task Document_StatusTables_MatchTheSeedDocument_CellForCell()
    {
        var seed = TestDocuments.ReadSucceeding(TestDocuments.SeedText());
        var (_, bytes) = await DownloadAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>().Skip(1).ToList();
        Assert.Equal(4, tables.Count);
        var headings = body.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.StartsWith("JIU/", StringComparison.Ordinal)).ToList();
        Assert.Equal(seed.Reports.Select(r => $"{r.Symbol} {r.Title}"), headings);

        var cebHeaders = CebHeaderCells(TestDocuments.SeedText());
        Assert.Equal(4, cebHeaders.Count);
        foreach (var (report, table, cebHeader) in seed.Reports.Zip(tables, cebHeaders))
        {
            var rows = Rows(table);
            Assert.Equal(cebHeader, Collapsed(rows[0][^1]), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(
                ["Executive heads", "Legislative/governing bodies", "Accept", "Not accept", "Not relevant", "Requires further consideration", "Not started", "In progress", "Implemented"],
                rows[1].Skip(1).Take(9));
            Assert.Equal(report.Recommendations.Count, rows.Count - 2);
            foreach (var (expected, cells) in report.Recommendations.Zip(rows.Skip(2)))
            {
                AssertRowMatches(report.Symbol.ToString(), expected, cells);
            }
        }
    }

    /// <summary>The seed's comments header cells, "CEB comments NOT YET AVAILABLE -", "ITU Comments", "(if any) below" on one line.</summary>
    private static List<string> CebHeaderCells(string seedText)
    {
        var lines = seedText.ReplaceLineEndings("\n").Split('\n');
        return [.. lines.Select((line, i) => (line, i))
            .Where(l => l.line.StartsWith("\tCEB comments", StringComparison.Ordinal))
            .Select(l => Collapsed(string.Join(' ', lines.Skip(l.i).TakeWhile((line, n) => n == 0 || (line.Length > 0 && !line.StartsWith('\t'))))))];
    }

    private static string Collapsed(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void AssertRowMatches(string symbol, LegacyRecommendation expected, List<string> cells)
    {
        var place = $"{symbol} recommendation {expected.Number}";
        Assert.True(cells[0] == $"Recommendation {expected.Number}: {expected.Text}", place);
        var addressee = RecommendationText.DetectAddressee(expected.Text);
        Assert.True((addressee == Addressee.ExecutiveHeads ? "X" : "", addressee == Addressee.LegislativeBodies ? "X" : "") == (cells[1], cells[2]), $"{place}: addressee");
        if (expected.InformationOnlyNote is { } note)
        {
            Assert.True(cells.Count == 5 && cells[3] == note, $"{place}: note");
        }
        else
        {
            string[] marks = [.. Enum.GetValues<Acceptance>().Select(a => expected.Acceptance == a ? "X" : ""), .. Enum.GetValues<ImplementationStatus>().Select(i => expected.Implementation == i ? "X" : "")];
            Assert.True(marks.SequenceEqual(cells.Skip(3).Take(7)), $"{place}: marks {string.Join(",", cells.Skip(3).Take(7))}");
        }

        Assert.True((expected.Comment ?? "") == cells[^1], $"{place}: comment");
    }

    /// <summary>
    /// A comment that spans lines in the original is exported with the original's words and its real line starts, not
    /// its hard wraps inside sentences: the import joined those (decision 036), and the cell-for-cell comparison above
    /// is with the comment as read, wraps joined.
    /// </summary>
    [Theory]
    [MemberData(nameof(WrappedLinesTests.SeedComments), MemberType = typeof(WrappedLinesTests))]
    public async Task Document_CommentSpanningLinesInTheSeed_HasItsWordsAndLineStarts_NotItsWraps(int first, int last, string[] starts)
    {
        var original = string.Join('\n', TestDocuments.SeedText().ReplaceLineEndings("\n").Split('\n')[(first - 1)..last]);
        var (_, bytes) = await DownloadAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Table>().Skip(1)
            .SelectMany(table => table.Elements<TableRow>().Skip(2))
            .Select(row => row.Elements<TableCell>().Last().Elements<Paragraph>().Select(p => p.InnerText).ToList())
            .Single(cell => cell[0].StartsWith(starts[0], StringComparison.Ordinal));
        Assert.Equal(Collapsed(original), Collapsed(string.Join('\n', paragraphs)));
        Assert.Equal(starts.Length, paragraphs.Count);
        Assert.All(starts.Zip(paragraphs), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_HasStylesProperties_AFooterWithPageNumbers_AndRowsThatKeepTogether()
    {
        var (_, bytes) = await DownloadAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal("Action required — 2020–2021 JIU UN SYSTEM-WIDE REPORTS: acceptance of recommendations and implementation status", document.PackageProperties.Title);
        Assert.Equal("ITU", document.PackageProperties.Creator);
        Assert.Equal("ITU", document.ExtendedFilePropertiesPart!.Properties.Company!.Text);
        Assert.Equal("As of", document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>().Single().Name);

        var main = document.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        Assert.Equal("Arial", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.Ascii);
        var body = main.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2").ToList();
        Assert.Equal(4, headings.Count);
        Assert.Equal("Title", body.Elements<Paragraph>().First().ParagraphProperties!.ParagraphStyleId!.Val);
        Assert.Contains(styles.Elements<Style>(), s => s.StyleId == "Heading2" && s.StyleParagraphProperties!.KeepNext is not null);

        var footer = main.FooterParts.Single().Footer!;
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
        Assert.StartsWith($"ITU — status as of {DateTime.UtcNow:yyyy-MM-dd}", footer.InnerText, StringComparison.Ordinal);

        foreach (var table in body.Elements<Table>())
        {
            Assert.NotNull(table.GetFirstChild<TableProperties>()!.TableStyle);
            Assert.All(table.Elements<TableRow>(), row => Assert.NotNull(row.TableRowProperties!.GetFirstChild<CantSplit>()));
            Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        }
    }

    [Fact]
    public async Task Document_ForAYearRange_HoldsOnlyThoseReports_AndSaysWhichYears()
    {
        var (_, bytes) = await DownloadAsync("?from=2021&to=2021");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains("2021 JIU UN SYSTEM-WIDE REPORTS", body.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal(3, body.Elements<Table>().Count());
        Assert.Equal(["JIU/REP/2021/3", "JIU/REP/2021/2"], Rows(body.Elements<Table>().First()).Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task Document_ForPickedReports_HoldsJustThem()
    {
        var (_, bytes) = await DownloadAsync("?report=JIU/REP/2020/7&report=JIU/REP/2021/2");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal(["JIU/REP/2021/2", "JIU/REP/2020/7"], Rows(document.MainDocumentPart!.Document.Body!.Elements<Table>().First()).Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData("?from=2022&to=2020", "the year range runs backwards")]
    [InlineData("?report=REP-2021-3", "is not a report symbol")]
    [InlineData("?asOf=2999-01-01", "Status as of the end of: the day must be between 1990-01-01 and")]
    public async Task Document_WithAScopeThatCannotBeUsed_IsRefusedWithTheReason(string query, string message)
    {
        var (response, bytes) = await DownloadAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
