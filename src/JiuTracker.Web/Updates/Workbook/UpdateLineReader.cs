using System.Globalization;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// Turns a row of the sheet into an <see cref="UpdateWorkbookLine"/>: each value read from its column, each value that
/// cannot be read left null and explained by a problem naming its cell.
/// </summary>
internal sealed class UpdateLineReader(string sheet, SheetColumns columns)
{
    private static readonly string AcceptanceChoices = string.Join(", ", Enum.GetValues<Acceptance>().Select(a => a.Label()));

    private static readonly string ImplementationChoices = string.Join(", ", Enum.GetValues<ImplementationStatus>().Select(i => i.Label()));

    public UpdateWorkbookLine Line(SheetRow row)
    {
        var problems = new List<string>();
        var line = new LineCells(sheet, columns, row, problems);
        return new UpdateWorkbookLine(
            row.Number,
            line.HiddenNumber(UpdateSheet.Id, "row id", "this row was not in the downloaded workbook; add recommendations in JiuTracker, not in the workbook"),
            line.HiddenNumber(UpdateSheet.Version, "version when downloaded", "the hidden columns must stay as downloaded"),
            line.Text(UpdateSheet.Report)?.Trim() is { Length: > 0 } symbol ? symbol : null,
            line.Number(UpdateSheet.Recommendation),
            line.Status<Acceptance>(UpdateSheet.Acceptance, StatusVocabulary.TryParseAcceptance, $"an acceptance value ({AcceptanceChoices}, or empty)"),
            line.Status<ImplementationStatus>(UpdateSheet.Implementation, StatusVocabulary.TryParseImplementation, $"an implementation value ({ImplementationChoices}, or empty)"),
            Comment(line.Text(UpdateSheet.NewComment)),
            line.Status<Acceptance>(UpdateSheet.DownloadedAcceptance, StatusVocabulary.TryParseAcceptance, HiddenStatus),
            line.Status<ImplementationStatus>(UpdateSheet.DownloadedImplementation, StatusVocabulary.TryParseImplementation, HiddenStatus),
            problems);
    }

    private const string HiddenStatus = "a status code as downloaded (the hidden columns must stay as downloaded)";

    /// <summary>Trimmed, with Windows line breaks made plain ones; empty is no comment.</summary>
    private static string? Comment(string? text)
    {
        var comment = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return string.IsNullOrEmpty(comment) ? null : comment;
    }

    private delegate bool StatusParser<T>(string? text, out T? value) where T : struct;

    /// <summary>One row's cells, read by header, each problem added to the row's list.</summary>
    private sealed class LineCells(string sheet, SheetColumns columns, SheetRow row, List<string> problems)
    {
        /// <summary>The cell's text; null, with a problem, for a formula.</summary>
        public string? Text(string header)
        {
            var column = columns[header];
            if (row[column] is not { } cell)
            {
                return null;
            }

            if (cell.HasFormula)
            {
                problems.Add($"{Name(header)} holds a formula; type the value itself.");
                return null;
            }

            return cell.Text;
        }

        public int? HiddenNumber(string header, string what, string advice)
        {
            var text = Text(header);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (row[columns[header]] is not { HasFormula: true })
                {
                    problems.Add($"{Name(header)}: the hidden {what} is missing: {advice}.");
                }

                return null;
            }

            if (WholeNumber(text) is { } number)
            {
                return number;
            }

            problems.Add($"{Name(header)}: the hidden {what} \"{text.Trim()}\" is not a whole number: the hidden columns must stay as downloaded.");
            return null;
        }

        public int? Number(string header)
        {
            var text = Text(header);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (WholeNumber(text) is { } number)
            {
                return number;
            }

            problems.Add($"{Name(header)}: \"{text.Trim()}\" is not a recommendation number (a whole number such as 3).");
            return null;
        }

        public T? Status<T>(string header, StatusParser<T> parse, string expected)
            where T : struct
        {
            var text = Text(header);
            if (parse(text, out var value))
            {
                return value;
            }

            problems.Add($"{Name(header)}: \"{text!.Trim()}\" is not {expected}.");
            return null;
        }

        private string Name(string header) => CellReference.Name(sheet, columns[header], row.Number);

        /// <summary>12, "12", " 12 " and 12.0 are 12; 12.5 and "abc" are not whole numbers.</summary>
        private static int? WholeNumber(string text) =>
            decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
                ? (int)number
                : null;
    }
}
