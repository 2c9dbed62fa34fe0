using System.Diagnostics;
using System.Text.RegularExpressions;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.TestSupport;

namespace JiuTracker.Tests.Export;

/// <summary>
/// The "Action required" document as a reader sees it: rendered to PDF by LibreOffice Writer and read back with
/// pdftotext, page by page.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed partial class DocumentRenderingTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IDisposable
{
    private const string LibreOffice = "/usr/bin/soffice", PdfToText = "/usr/bin/pdftotext";

    /// <summary>The font LibreOffice sets Arial in when Arial is not installed: the same widths.</summary>
    private const string ArialMetrics = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf";

    /// <summary>The status tables' header labels, word by word, as they may be set on lines (after a slash too).</summary>
    private static readonly string[] HeaderWords =
    [
        "Recommendation", "Acceptance", "Implementation", "status", "Executive", "heads", "Legislative/", "governing", "bodies",
        "Accept", "Not", "accept", "relevant", "Requires", "further", "consideration", "started", "In", "progress", "Implemented",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("jiu-document-rendering-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RenderedDocument_KeepsHeaderWordsWhole_HeadingsWithTheirTables_AndNumbersItsPages()
    {
        var pages = await RenderAsync();

        var headerBlocks = pages.SelectMany(HeaderBlocks).ToList();
        Assert.NotEmpty(headerBlocks);
        foreach (var block in headerBlocks)
        {
            var tokens = block.SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var broken = tokens.Where(t => t.Length >= 2 && !HeaderWords.Contains(t) && HeaderWords.Any(w => w.StartsWith(t, StringComparison.Ordinal) || w.EndsWith(t, StringComparison.Ordinal)));
            Assert.True(!broken.Any(), $"broken header words {string.Join(", ", broken)} in:\n{string.Join("\n", block)}");
            Assert.True(HeaderWords.All(tokens.Contains), $"header words missing from:\n{string.Join("\n", block)}");
        }

        string[] symbols = ["JIU/REP/2021/3", "JIU/REP/2021/2", "JIU/REP/2020/8", "JIU/REP/2020/7"];
        foreach (var symbol in symbols)
        {
            // The heading is the symbol followed by one space; in Table 1 the title is in the next column.
            var page = pages.Single(p => p.Any(line => line.TrimStart().StartsWith(symbol + " ", StringComparison.Ordinal) && !line.Contains(symbol + "  ", StringComparison.Ordinal)));
            var lines = page.SkipWhile(line => !line.TrimStart().StartsWith(symbol + " ", StringComparison.Ordinal) || line.Contains(symbol + "  ", StringComparison.Ordinal)).ToList();
            Assert.True(
                lines.Any(line => line.Contains("Implementation status", StringComparison.Ordinal)) && lines.Any(line => FirstRow().IsMatch(line)),
                $"{symbol}: its table does not start on the heading's page:\n{string.Join("\n", page)}");
        }

        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(pages[i].Any(line => line.Contains($"Page {i + 1} of {pages.Count}", StringComparison.Ordinal)), $"page {i + 1} has no page number:\n{string.Join("\n", pages[i])}");
        }
    }

    /// <summary>The lines of each status table header on a page: from "Implementation status" to the first row.</summary>
    private static IEnumerable<List<string>> HeaderBlocks(List<string> page)
    {
        for (var i = 0; i < page.Count; i++)
        {
            if (page[i].Contains("Implementation status", StringComparison.Ordinal))
            {
                var block = page.Skip(i).TakeWhile(line => !FirstRow().IsMatch(line)).ToList();
                i += block.Count;
                yield return block;
            }
        }
    }

    [GeneratedRegex(@"^\s*Recommendation \d+")]
    private static partial Regex FirstRow();

    /// <summary>The exported document's pages, each as pdftotext -layout sets its lines.</summary>
    private async Task<List<List<string>>> RenderAsync()
    {
        Assert.True(File.Exists(LibreOffice) && File.Exists("/usr/lib/libreoffice/program/libswlo.so"), "LibreOffice Writer is missing: apt-get install -y --no-install-recommends libreoffice-writer-nogui.");
        Assert.True(File.Exists(PdfToText), "pdftotext is missing: apt-get install -y poppler-utils.");
        Assert.True(File.Exists(ArialMetrics), "Liberation Sans is missing (LibreOffice would set the document's Arial in a wider font): apt-get install -y fonts-liberation.");
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var document = Path.Combine(_folder, "action-required.docx");
        await File.WriteAllBytesAsync(document, await client.GetByteArrayAsync("/export/action-required.docx"));

        // A profile of its own, so runs side by side do not meet in one.
        await RunAsync(LibreOffice, "--headless", $"-env:UserInstallation=file://{_folder}/lo-profile", "--convert-to", "pdf", "--outdir", _folder, document);
        var pdf = Path.ChangeExtension(document, ".pdf");
        await RunAsync(PdfToText, "-layout", pdf, pdf + ".txt");
        var text = await File.ReadAllTextAsync(pdf + ".txt");
        return [.. text.TrimEnd('\f').Split('\f').Select(page => page.Split('\n').ToList())];
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} failed: {await output}{await error}");
    }
}
