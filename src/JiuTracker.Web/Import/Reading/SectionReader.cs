using System.Globalization;
using System.Text.RegularExpressions;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>Reads Table 2: per report a heading, a focal-point line, header cells and one row per recommendation.</summary>
internal sealed partial class SectionReader
{
    private readonly IReadOnlyList<ListedReport> _listed;
    private readonly List<LegacyDocumentError> _errors;
    private readonly List<ReportSection> _sections = [];
    private ReportSection? _section;
    private RecommendationRow? _row;

    private SectionReader(IReadOnlyList<ListedReport> listed, List<LegacyDocumentError> errors)
    {
        _listed = listed;
        _errors = errors;
    }

    /// <param name="listed">Table 1, to name the report of a heading that lost its symbol.</param>
    public static IReadOnlyList<ReportSection> Read(DocumentLayout layout, IReadOnlyList<ListedReport> listed, List<LegacyDocumentError> errors)
    {
        var reader = new SectionReader(listed, errors);
        foreach (var block in layout.Sections)
        {
            reader.Accept(block);
        }

        reader.EndSection();
        return reader._sections;
    }

    private void Accept(SourceLine block)
    {
        switch (block.Kind)
        {
            case LineKind.Heading:
                StartSection(new ReportSection(block.Number, block.Symbol, block.Text));
                break;
            case LineKind.HeadingWithoutSymbol:
                StartSection(SectionWithoutSymbol(block));
                break;
            case LineKind.FocalPointLine:
                AcceptFocalPointLine(block);
                break;
            case LineKind.Cell:
                AcceptCell(block);
                break;
            default:
                break;
        }
    }

    private ReportSection SectionWithoutSymbol(SourceLine heading)
    {
        var sameTitle = _listed.Where(report => TextTools.SameText(report.Title, heading.Text)).ToList();
        var symbol = sameTitle.Count == 1 ? sameTitle[0].Symbol : null;
        var hint = symbol is null ? "" : $" (Table 1 gives this title to {symbol})";
        _errors.Add(new LegacyDocumentError(heading.Number, symbol?.ToString(), null, $"the report heading has no symbol: {TextTools.Quote(heading.Text)}; a heading starts with its report's symbol{hint}"));
        return new ReportSection(heading.Number, symbol, heading.Text);
    }

    // a focal-point line with neither a heading nor a paragraph since the last rows starts a section nobody can name
    private void AcceptFocalPointLine(SourceLine line)
    {
        if (_section is null || _section.RowCount > 0)
        {
            _errors.Add(new LegacyDocumentError(line.Number, null, null, "a focal-point line with no report heading before it"));
            StartSection(new ReportSection(line.Number, null, ""));
        }
    }

    private void AcceptCell(SourceLine cell)
    {
        var numbered = NumberedRecommendation().Match(cell.Text);
        if (numbered.Success)
        {
            StartRow(cell, int.Parse(numbered.Groups["number"].Value, CultureInfo.InvariantCulture), numbered.Groups["text"].Value.Trim());
        }
        else if (IsUnnumberedRecommendation(cell.Text))
        {
            StartRow(cell, null, "");
            AddError(cell.Number, null, $"recommendation cell without a number: {TextTools.Quote(cell.Text)}");
        }
        else if (_row is not null)
        {
            _row.Cells.Add(cell);
        }
        else if (_section is not null)
        {
            ReadHeaderCell(_section, cell.Text);
        }
    }

    private bool IsUnnumberedRecommendation(string text)
    {
        if (!RecommendationWord().IsMatch(text))
        {
            return false;
        }

        // before any row, the lone word is the header row's name for the recommendation column
        if (_row is null)
        {
            return !RecommendationHeader().IsMatch(text);
        }

        // in a row's comments position it is a comment such as "Recommendation accepted by the Council."
        return _row.Cells.Count != RecommendationRowReader.CommentsCell;
    }

    private static void ReadHeaderCell(ReportSection section, string text)
    {
        if (CebCommentsHeader().IsMatch(text))
        {
            section.CebComments = NotYetAvailable().IsMatch(text) ? CebCommentsStatus.NotYetAvailable : CebCommentsStatus.Available;
        }
    }

    private void StartSection(ReportSection section)
    {
        EndSection();
        _section = section;
        _sections.Add(section);
    }

    private void EndSection()
    {
        EndRow();
        if (_section is { Symbol: not null, RowCount: 0 })
        {
            AddError(_section.Line, null, "the report's section has no recommendation rows");
        }

        _section = null;
    }

    private void StartRow(SourceLine cell, int? number, string text)
    {
        EndRow();
        var section = _section ?? SectionWithoutHeading(cell, number);
        section.RowCount++;
        _row = new RecommendationRow(cell.Number, number, text);
    }

    private ReportSection SectionWithoutHeading(SourceLine cell, int? number)
    {
        _errors.Add(new LegacyDocumentError(cell.Number, null, number, "a recommendation row before any report heading"));
        var section = new ReportSection(cell.Number, null, "");
        StartSection(section);
        return section;
    }

    private void EndRow()
    {
        var row = _row;
        _row = null;
        if (row?.Number is not { } number || _section is null)
        {
            return;
        }

        if (!_section.NumberLines.TryAdd(number, row.Line))
        {
            AddError(row.Line, number, $"recommendation {number} appears twice in this report (first at line {_section.NumberLines[number]})");
        }

        var recommendation = RecommendationRowReader.Read(row, number, _section.Symbol?.ToString(), _errors);
        if (recommendation is not null)
        {
            _section.Recommendations.Add(recommendation);
        }
    }

    private void AddError(int line, int? number, string message) =>
        _errors.Add(new LegacyDocumentError(line, _section?.Symbol?.ToString(), number, message));

    [GeneratedRegex(@"^Recommendation\s+(?<number>[1-9]\d{0,3})(?!\d)\s*[:.\-–—]?\s*(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex NumberedRecommendation();

    [GeneratedRegex(@"^Recommendation\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationWord();

    [GeneratedRegex(@"^Recommendation$", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationHeader();

    [GeneratedRegex(@"^CEB\s+comments", RegexOptions.IgnoreCase)]
    private static partial Regex CebCommentsHeader();

    [GeneratedRegex(@"NOT\s+YET\s+AVAILABLE", RegexOptions.IgnoreCase)]
    private static partial Regex NotYetAvailable();
}
