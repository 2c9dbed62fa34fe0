using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>A report's section of Table 2 as read so far.</summary>
/// <param name="line">The 1-based line of its heading.</param>
/// <param name="symbol">Null when the heading has no symbol that could be read or inferred.</param>
internal sealed class ReportSection(int line, ReportSymbol? symbol, string title)
{
    public int Line { get; } = line;

    public ReportSymbol? Symbol { get; } = symbol;

    /// <summary>The title the heading gives after the symbol.</summary>
    public string Title { get; } = title;

    /// <summary>Not yet available unless a "CEB comments" header cell says otherwise.</summary>
    public CebCommentsStatus CebComments { get; set; } = CebCommentsStatus.NotYetAvailable;

    /// <summary>Every row started in the section, whether or not it could be read.</summary>
    public int RowCount { get; set; }

    /// <summary>The line of each recommendation number's first row, to find numbers used twice.</summary>
    public Dictionary<int, int> NumberLines { get; } = [];

    public List<LegacyRecommendation> Recommendations { get; } = [];
}

/// <summary>A recommendation cell and the cells that follow it up to the next row or heading.</summary>
/// <param name="number">Null when the recommendation cell has no number.</param>
/// <param name="text">The recommendation's text without its "Recommendation N:" prefix.</param>
internal sealed class RecommendationRow(int line, int? number, string text)
{
    public int Line { get; } = line;

    public int? Number { get; } = number;

    public string Text { get; } = text;

    public List<SourceLine> Cells { get; } = [];
}
