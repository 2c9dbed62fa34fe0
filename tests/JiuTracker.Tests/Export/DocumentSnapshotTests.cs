using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using JiuTracker.Web.Export.Document;

namespace JiuTracker.Tests.Export;

/// <summary>The document writer on snapshots made up for the case: awkward text.</summary>
public sealed class DocumentSnapshotTests
{
    [Fact]
    public async Task Text_WithMarkupAndControlCharacters_LineBreaksAndNonAsciiText_ReadsBackAsWrittenInAValidFile()
    {
        // 40,000 euro signs are three bytes each in UTF-8: more than the writer buffers at once.
        var euros = new string('€', 40_000);
        var recommendation = new RecommendationSnapshot(
            1, "<b>Fish & chips</b> — ça va?", Addressee.ExecutiveHeads, 2024, null, Acceptance.Accepted, ImplementationStatus.InProgress,
            [new CommentSnapshot("first line\nbell\u0007 here", "someone", DateTimeOffset.UnixEpoch), new CommentSnapshot(euros, "someone", DateTimeOffset.UnixEpoch)],
            null, null);
        var focalPoints = new[] { new FocalPointName("Ms.", "Ada & Lovelace", "IS") };
        ReportSnapshot[] reports = [new("JIU/REP/2023/1", "A <report>", 2023, CebCommentsStatus.Available, null, focalPoints, [recommendation])];
        var content = new DocumentContent("ITU", new DateOnly(2025, 6, 30), [new ReportHeading("JIU/REP/2023/1", "A <report>", 2023, focalPoints, null)], () => reports.ToAsyncEnumerable());

        using var file = new MemoryStream();
        await ActionRequiredDocument.WriteAsync(file, content, CancellationToken.None);

        file.Position = 0;
        using var document = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var statusTable = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Last();
        var cells = statusTable.Elements<TableRow>().Last().Elements<TableCell>().ToList();
        Assert.Equal("Recommendation 1: <b>Fish & chips</b> — ça va?", cells[0].InnerText);
        Assert.Equal(["first line", "bell here", euros], cells[^1].Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal("A <report>", document.MainDocumentPart.Document.Body.Elements<Table>().First().Elements<TableRow>().Last().Elements<TableCell>().ElementAt(1).InnerText);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.unjiu.org/review-highlights")]
    [InlineData("   ")]
    public async Task ReviewHighlights_WithAnAddressThatIsNotAWebAddress_IsPlainText_WithNoRelationship(string address)
    {
        var focalPoints = new[] { new FocalPointName("Ms.", "Ada Lovelace", "IS") };
        ReportSnapshot[] reports = [new("JIU/REP/2023/1", "A report", 2023, CebCommentsStatus.NotYetAvailable, null, focalPoints, [])];
        var content = new DocumentContent("ITU", new DateOnly(2025, 6, 30), [new ReportHeading("JIU/REP/2023/1", "A report", 2023, focalPoints, address)], () => reports.ToAsyncEnumerable());

        using var file = new MemoryStream();
        await ActionRequiredDocument.WriteAsync(file, content, CancellationToken.None);

        file.Position = 0;
        using var document = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var line = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Single(p => p.InnerText.EndsWith("Review Highlights", StringComparison.Ordinal));
        Assert.Equal("· Review Highlights", line.InnerText);
        Assert.Empty(line.Descendants<Hyperlink>());
        Assert.Empty(document.MainDocumentPart.HyperlinkRelationships);
    }
}
