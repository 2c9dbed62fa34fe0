using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>What a line of the plain-text export is, as far as the line alone (and its neighbours) can tell.</summary>
internal enum LineKind
{
    Blank,
    Text,
    Cell,
    BookmarkOnlyCell,
    Separator,
    Heading,
    HeadingWithoutSymbol,
    FocalPointLine,
}

/// <summary>A classified line; after grouping, a cell's <see cref="Text"/> includes its continuation lines.</summary>
/// <param name="Number">The 1-based line number in the document.</param>
/// <param name="Symbol">The report symbol a <see cref="LineKind.Heading"/> starts with.</param>
internal sealed record SourceLine(int Number, LineKind Kind, string Text, ReportSymbol? Symbol = null);
