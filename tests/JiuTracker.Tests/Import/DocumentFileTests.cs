using System.Text;
using JiuTracker.Web.Import;

namespace JiuTracker.Tests.Import;

/// <summary>The gate in front of the reader: which files become text, and which are refused with the reason.</summary>
public class DocumentFileTests
{
    private const long Limit = 5 * 1024 * 1024;

    private static Task<DocumentFileText> ReadAsync(byte[] bytes, long limit = Limit) =>
        DocumentFile.ReadAsync(new MemoryStream(bytes), "action-required.txt", limit, CancellationToken.None);

    [Theory]
    [MemberData(nameof(EncodedDocuments.Encodings), MemberType = typeof(EncodedDocuments))]
    public async Task Seed_SavedInEachEncoding_DecodesToTheSameText(string encoding)
    {
        var text = EncodedDocuments.SeedWithAccents();

        var file = await ReadAsync(EncodedDocuments.Bytes(text, encoding));

        Assert.True(file.Succeeded, file.Refusal);
        Assert.Equal(text, file.Text);
        Assert.Contains("Robin Zürcher", file.Text, StringComparison.Ordinal);
        Assert.Contains("“papier économe”", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BigEndianUtf16_WithoutBom_IsRecognised()
    {
        var text = EncodedDocuments.SeedWithAccents();

        var file = await ReadAsync(Encoding.BigEndianUnicode.GetBytes(text));

        Assert.Equal(text, file.Text);
    }

    [Fact]
    public async Task Windows1252_IsNotMistakenForUtf8()
    {
        // "–" is 0x96 in Windows-1252, which is never valid alone in UTF-8.
        var file = await ReadAsync(EncodedDocuments.Bytes("groups – such as", EncodedDocuments.Windows1252));

        Assert.Equal(("groups – such as", "windows-1252"), (file.Text, file.EncodingName));
    }

    [Fact]
    public async Task WordDocx_IsRefused_SayingHowToSaveAsText()
    {
        var file = await ReadAsync(EncodedDocuments.Docx());

        Assert.Null(file.Text);
        Assert.Equal("action-required.txt is a zip archive (a Word .docx document is one), not plain text. In Word, save the document with File › Save As › Plain Text (*.txt), then import that file.", file.Refusal);
    }

    [Fact]
    public async Task Pdf_IsRefused()
    {
        var file = await ReadAsync(Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"));

        Assert.StartsWith("action-required.txt is a PDF document, not plain text.", file.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileWithNulBytes_IsRefusedAsBinary()
    {
        var file = await ReadAsync(EncodedDocuments.WithNulBytes());

        Assert.StartsWith("action-required.txt is a binary file (it holds NUL bytes)", file.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverTheLimit_IsRefused_NamingItsSizeAndTheLimit()
    {
        var file = await ReadAsync(new byte[6 * 1024 * 1024]);

        Assert.StartsWith("action-required.txt is 6.0 MB, larger than the 5.0 MB a document may have (setting Import:MaxFileBytes)", file.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamThatCannotTellItsLength_IsRefused_OnceItPassesTheLimit()
    {
        var file = await DocumentFile.ReadAsync(new UnseekableStream(Encoding.ASCII.GetBytes(new string('a', 2000))), "upload.txt", 1000, CancellationToken.None);

        Assert.StartsWith("upload.txt is larger than the 1,000 bytes a document may have", file.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileAtTheLimit_IsRead()
    {
        var file = await ReadAsync(Encoding.ASCII.GetBytes(new string('a', 1000)), limit: 1000);

        Assert.True(file.Succeeded, file.Refusal);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
