using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>Joins Table 1's reports with their Table 2 sections, in the order of the sections.</summary>
internal static class DocumentAssembler
{
    public static LegacyDocument? Assemble(IReadOnlyList<ListedReport> listed, IReadOnlyList<ReportSection> sections, List<LegacyDocumentError> errors)
    {
        var reports = new List<LegacyReport>();
        var sectionLines = new Dictionary<ReportSymbol, int>();
        foreach (var section in sections)
        {
            if (section.Symbol is not { } symbol)
            {
                continue;
            }

            if (!sectionLines.TryAdd(symbol, section.Line))
            {
                errors.Add(new LegacyDocumentError(section.Line, symbol.ToString(), null, $"{symbol} has a second section in Table 2 (the first is at line {sectionLines[symbol]})"));
                continue;
            }

            var entry = listed.FirstOrDefault(report => report.Symbol == symbol);
            if (entry is null)
            {
                errors.Add(new LegacyDocumentError(section.Line, symbol.ToString(), null, $"{symbol} has a section in Table 2 but is not listed in Table 1"));
                continue;
            }

            reports.Add(ToReport(entry, section, errors));
        }

        foreach (var entry in listed.Where(report => !sectionLines.ContainsKey(report.Symbol)))
        {
            errors.Add(new LegacyDocumentError(entry.Line, entry.Symbol.ToString(), null, $"{entry.Symbol} is listed in Table 1 but has no section in Table 2"));
        }

        return errors.Count == 0 ? new LegacyDocument(reports) : null;
    }

    private static LegacyReport ToReport(ListedReport entry, ReportSection section, List<LegacyDocumentError> errors)
    {
        var title = entry.Title.Length > 0 ? entry.Title : TextTools.CollapseWhitespace(section.Title);
        if (title.Length == 0)
        {
            errors.Add(new LegacyDocumentError(section.Line, entry.Symbol.ToString(), null, "the report has a title neither in Table 1 nor in its heading"));
        }

        return new LegacyReport(entry.Symbol, title, section.CebComments, entry.FocalPoints, [.. section.Recommendations], section.Line);
    }
}
