using JiuTracker.Web.Evidence;

namespace JiuTracker.Tests.Evidence;

/// <summary>The type of a file of evidence is read from its bytes; its name is cleaned before it is kept or sent.</summary>
public sealed class EvidenceTypesTests
{
    public static TheoryData<string, byte[], string> Allowed => new()
    {
        { "PDF", EvidenceFiles.Pdf, "application/pdf" },
        { "PNG", EvidenceFiles.Png, "image/png" },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "image/jpeg" },
        { "GIF", "GIF89a\u0001\u0000"u8.ToArray(), "image/gif" },
        { "text with a byte-order mark", [0xEF, 0xBB, 0xBF, .. EvidenceFiles.Text("Circular\tIT/2024/3\r\n")], "text/plain; charset=utf-8" },
        { "old Word", EvidenceFiles.Ole("WordDocument"), "application/msword" },
        { "old Excel", EvidenceFiles.Ole("Workbook"), "application/vnd.ms-excel" },
        { "old PowerPoint", EvidenceFiles.Ole("PowerPoint Document"), "application/vnd.ms-powerpoint" },
        { "docx", EvidenceFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    };

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "executable", EvidenceFiles.Executable, "a Windows program" },
        { "ELF", [0x7F, 0x45, 0x4C, 0x46, 0x02], "an ELF executable" },
        { "text with NUL", EvidenceFiles.Text("before\0after"), "not a file of an allowed type" },
        { "text with an escape", EvidenceFiles.Text("before\u001b[31mafter"), "not a file of an allowed type" },
        { "Windows-1252 text", [0x44, 0xE9, 0x63, 0x69, 0x73, 0x69, 0x6F, 0x6E], "not a file of an allowed type" },
        { "OLE of another kind", EvidenceFiles.Ole("EncryptedPackage"), "an OLE compound file that is not a Word, Excel or PowerPoint document" },
        { "macro-enabled Word", EvidenceFiles.Ooxml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"), "a macro-enabled Office document" },
        { "damaged zip", [.. "PK\u0003\u0004"u8, 0x01, 0x02], "a damaged zip archive" },
        { "empty", [], "is empty" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AnAllowedKind_IsRecognisedFromItsContent_UnderAnyName(string kind, byte[] bytes, string contentType)
    {
        var (file, refusal) = EvidenceTypes.Check("renamed.bin", bytes);

        Assert.True(refusal is null, $"{kind}: {refusal}");
        Assert.Equal(contentType, file!.ContentType);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void AnotherKind_IsRefusedNamingTheFileAndWhatItIs(string kind, byte[] bytes, string what)
    {
        var (file, refusal) = EvidenceTypes.Check("policy.pdf", bytes);

        Assert.True(file is null, $"{kind} was let in as {file?.ContentType}");
        Assert.StartsWith("policy.pdf ", refusal, StringComparison.Ordinal);
        Assert.Contains(what, refusal, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was stored.", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C:\\Users\\me\\Documents\\policy.pdf", "policy.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a\"b\r\nc\u0000.pdf", "abc.pdf")]
    [InlineData("what?.pdf", "what_.pdf")]
    [InlineData("...", "evidence")]
    [InlineData("", "evidence")]
    [InlineData("Décision.pdf", "Décision.pdf")]
    public void AnUploadedName_KeepsItsLastSegmentWithoutControlCharactersOrQuotes(string uploaded, string kept) =>
        Assert.Equal(kept, DownloadName.Of(uploaded));

    [Fact]
    public void AVeryLongName_KeepsItsEndAndExtension()
    {
        var name = DownloadName.Of(new string('n', 400) + ".docx");

        Assert.Equal(JiuTracker.Web.Domain.EvidenceFile.MaxFileNameLength, name.Length);
        Assert.EndsWith("n.docx", name, StringComparison.Ordinal);
    }
}
