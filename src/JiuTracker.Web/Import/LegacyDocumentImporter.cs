using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using static System.FormattableString;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Import;

/// <summary>
/// Stores a read "Action required" document: new reports only, all of it or nothing, with the audit entry that says who
/// imported what, for the upload page, the <c>import</c> command and demo mode alike.
/// </summary>
public sealed class LegacyDocumentImporter(JiuDbContext db, TimeProvider time)
{
    /// <summary>The as-of field's label, which its messages name.</summary>
    public const string AsOfLabel = "Statuses as of";

    /// <param name="asOf">
    /// The day the document's statuses are as of: its history entries, comments and registrations are dated at the
    /// start of that day (00:00 UTC), so that an "as of the end of" that day includes them (decision 034).
    /// </param>
    /// <param name="source">Where the document came from (its file name): the audit entry's subject, and the history's author.</param>
    /// <param name="importedBy">Who imports it (an administrator, the command and who ran it, demo mode), for the audit log.</param>
    /// <exception cref="DomainRuleException">The day is after today or before <see cref="AsOfRange.Earliest"/>; nothing is stored.</exception>
    public async Task<ImportOutcome> ImportAsync(LegacyDocument document, DateOnly asOf, string source, string importedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (AsOfProblem(asOf, time) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        var (newReports, alreadyRegistered) = await SplitByRegistrationAsync(db, document, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var stamp = new ChangeStamp($"Import of {source}", StartOf(asOf), ImportedSource(source, asOf, now));
        var focalPoints = new FocalPointDirectory(db);
        var created = new List<ImportedReport>();
        foreach (var legacy in newReports)
        {
            var report = new Report(legacy.Symbol, legacy.Title);
            report.SetCebComments(legacy.CebComments);
            foreach (var person in legacy.FocalPoints)
            {
                report.Assign(await focalPoints.FindOrCreateAsync(person, ct));
            }

            foreach (var row in legacy.Recommendations)
            {
                var recommendation = report.AddRecommendation(row.Number, row.Text, row.InformationOnlyNote);
                recommendation.RecordImported(row.Acceptance, row.Implementation, row.Comment, stamp);
            }

            db.Reports.Add(report);
            created.Add(new ImportedReport(
                report.Symbol, report.Title, report.Recommendations.Count, [.. report.FocalPoints.Select(f => f.NameWithUnit)]));
        }

        var outcome = new ImportOutcome(created, alreadyRegistered, focalPoints.CreatedCount);
        if (created.Count > 0)
        {
            db.RecordAdminChange(new ChangeStamp(importedBy, now), AdminAction.DocumentImported, source, AuditDetails(outcome, asOf, focalPoints.Created));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// The rule of what an import stores: the document's reports whose symbol is not registered yet, in the document's
    /// order; the others are left unchanged and named (the upload page's preview shows the same split).
    /// </summary>
    public static async Task<(IReadOnlyList<LegacyReport> New, IReadOnlyList<string> AlreadyRegistered)> SplitByRegistrationAsync(
        JiuDbContext db, LegacyDocument document, CancellationToken ct)
    {
        var symbols = document.Reports.Select(r => r.Symbol.ToString()).ToList();
        var registered = (await db.Reports.AsNoTracking().Where(r => symbols.Contains(r.Symbol)).Select(r => r.Symbol).ToListAsync(ct)).ToHashSet();
        return ([.. document.Reports.Where(r => !registered.Contains(r.Symbol.ToString()))], [.. symbols.Where(registered.Contains)]);
    }

    /// <summary>
    /// The focal points an import of <paramref name="newReports"/> would add, as pages name them: the people (by
    /// <see cref="FocalPointDirectory.KeyOf"/>, the rule the import itself follows) not registered yet.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NewFocalPointsAsync(JiuDbContext db, IEnumerable<LegacyReport> newReports, CancellationToken ct)
    {
        var people = newReports.SelectMany(r => r.FocalPoints).DistinctBy(FocalPointDirectory.KeyOf).ToList();
        var names = people.Select(p => FocalPointDirectory.KeyOf(p).Name).Distinct().ToList();
        var registered = (await db.FocalPoints.AsNoTracking().Where(f => names.Contains(f.Name)).Select(f => new { f.Name, f.Unit }).ToListAsync(ct))
            .Select(f => (f.Name, f.Unit))
            .ToHashSet();
        return [.. people
            .Where(p => !registered.Contains(FocalPointDirectory.KeyOf(p)))
            .Select(p => new FocalPointName(p.Title, FocalPointDirectory.KeyOf(p).Name, FocalPointDirectory.KeyOf(p).Unit).ToString())];
    }

    /// <returns>Why the day cannot be the one an import's statuses are as of, naming the field; null when it can.</returns>
    public static string? AsOfProblem(DateOnly day, TimeProvider time)
    {
        var latest = AsOfRange.Latest(time);
        return day < AsOfRange.Earliest || day > latest
            ? Invariant($"{AsOfLabel}: the day must be between {AsOfRange.Earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd} (today); {day:yyyy-MM-dd} is outside.")
            : null;
    }

    /// <summary>The moment an import's statuses are dated at: the start of the day, UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The history's source of an imported status: "imported from action-required-2020-2021.txt, statuses as of
    /// 2021-12-31; imported 2026-12-04 10:12 UTC", so that the real time of the import is kept beside the dated entry.
    /// </summary>
    public static string ImportedSource(string source, DateOnly asOf, DateTimeOffset importedAt)
    {
        var tail = Invariant($", statuses as of {asOf:yyyy-MM-dd}; imported {importedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        const string head = "imported from ";
        var room = ChangeStamp.MaxSourceLength - head.Length - tail.Length;
        return head + (source.Length <= room ? source : source[..(room - 1)] + "…") + tail;
    }

    private static string AuditDetails(ImportOutcome outcome, DateOnly asOf, IReadOnlyList<string> newFocalPoints) =>
        $"Imported {outcome.Created.Count} report(s) ({string.Join(", ", outcome.Created.Select(r => r.Symbol))}), " +
        $"{outcome.RecommendationsCreated} recommendation(s); new focal points: {(newFocalPoints.Count == 0 ? "none" : string.Join("; ", newFocalPoints))}" +
        (outcome.AlreadyRegistered.Count > 0 ? $"; left unchanged as already registered: {string.Join(", ", outcome.AlreadyRegistered)}." : ".") +
        Invariant($" Statuses as of {asOf:yyyy-MM-dd}, dated {asOf:yyyy-MM-dd} 00:00 UTC in the history.");

    /// <summary>Focal points are people: the same name and unit is the same person across reports and imports.</summary>
    private sealed class FocalPointDirectory(JiuDbContext db)
    {
        private readonly Dictionary<(string Name, string Unit), FocalPoint> _known = [];
        private readonly List<string> _created = [];

        public int CreatedCount => _created.Count;

        /// <summary>The focal points this import adds, as "Name (Unit)".</summary>
        public IReadOnlyList<string> Created => _created;

        /// <summary>Who a focal point of a document is: their name and unit, without surrounding spaces.</summary>
        public static (string Name, string Unit) KeyOf(LegacyFocalPoint person) => (person.Name.Trim(), person.Unit.Trim());

        public async Task<FocalPoint> FindOrCreateAsync(LegacyFocalPoint person, CancellationToken ct)
        {
            var key = KeyOf(person);
            if (_known.TryGetValue(key, out var known))
            {
                return known;
            }

            var focalPoint = await db.FocalPoints.FirstOrDefaultAsync(f => f.Name == key.Item1 && f.Unit == key.Item2, ct);
            if (focalPoint is null)
            {
                focalPoint = new FocalPoint(person.Title, person.Name, person.Unit);
                db.FocalPoints.Add(focalPoint);
                _created.Add(focalPoint.NameWithUnit);
            }

            _known[key] = focalPoint;
            return focalPoint;
        }
    }
}
