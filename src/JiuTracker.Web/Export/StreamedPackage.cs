using System.IO.Compression;

namespace JiuTracker.Web.Export;

/// <summary>
/// An Open XML package written as a stream: the SDK lays out a small skeleton in memory (content types, relationships,
/// empty parts), it is copied into a zip written straight to the destination, and the big parts are then streamed into
/// their own entries. Why: the SDK's package keeps every part uncompressed in memory until it is saved. Entries are
/// compressed at the fastest level: at 100,000 recommendations the best level cost seconds for a slightly smaller file.
/// </summary>
internal static class StreamedPackage
{
    /// <param name="streamedParts">The skeleton's parts left out, for the caller to write (e.g. "word/document.xml").</param>
    public static ZipArchive Begin(Stream destination, MemoryStream skeleton, IReadOnlyCollection<string> streamedParts)
    {
        var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        skeleton.Position = 0;
        using var parts = new ZipArchive(skeleton, ZipArchiveMode.Read);
        foreach (var part in parts.Entries.Where(e => !streamedParts.Contains(e.FullName)))
        {
            using var from = part.Open();
            using var to = archive.CreateEntry(part.FullName, CompressionLevel.Fastest).Open();
            from.CopyTo(to);
        }

        return archive;
    }
}
