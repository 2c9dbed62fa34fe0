using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// How far a round has got, per report and focal point: of the recommendations it asked about (those that needed an
/// update when it opened), how many have had a change recorded since it opened (until it closed). The one reading
/// behind the progress page, its CSV, the reminders and the due-date summary.
/// </summary>
public sealed class RoundProgress(JiuDbContext db)
{
    /// <param name="Email">The address of the account linked to the focal point; null when none is linked, so nobody can be e-mailed.</param>
    /// <param name="LastReminder">When the latest reminder of this round to that address was written, scheduled or by hand.</param>
    public sealed record Row(
        int ReportId, string ReportSymbol, string ReportTitle, int FocalPointId, string Name, string Unit, string? UserId, string? Email,
        bool AccountDisabled, int Asked, int Updated, DateTimeOffset? LastReminder)
    {
        /// <summary>"Anders Norsker (GS/IS)"; empty for a report without a focal point.</summary>
        public string FocalPoint => Name.Length == 0 ? "" : Domain.FocalPoint.WithUnit(Name, Unit);

        public int Remaining => Asked - Updated;

        public bool HasAnswered => Updated >= Asked;

        /// <summary>Whether the round's e-mails reach this focal point: an account is linked and enabled.</summary>
        public bool CanBeEmailed => Email is not null && !AccountDisabled;
    }

    /// <summary>A person the round e-mails, with their rows (one per report of theirs the round asked about).</summary>
    public sealed record Recipient(string UserId, string Email, string Name, IReadOnlyList<Row> Rows)
    {
        public int Asked => Rows.Sum(r => r.Asked);

        public int Remaining => Rows.Sum(r => r.Remaining);

        public bool HasAnswered => Rows.All(r => r.HasAnswered);
    }

    /// <summary>Every report of the round with each of its focal points (a report without one has a row with none), in list order.</summary>
    public async Task<IReadOnlyList<Row>> RowsAsync(FollowUpRound round, CancellationToken ct)
    {
        var asked = db.RoundRecommendations.AsNoTracking().Where(r => r.RoundId == round.Id && r.Asked);
        var askedCounts = await asked.GroupBy(r => r.ReportId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var updatedCounts = await UpdatedSinceOpening(asked, round)
            .GroupBy(r => r.ReportId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var reports = await db.FollowUpRounds.AsNoTracking().Where(r => r.Id == round.Id)
            .SelectMany(r => r.Reports)
            .InListOrder()
            .Select(r => new { r.Id, r.Symbol, r.Title })
            .ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var assignments = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
            .SelectMany(r => r.FocalPoints, (r, f) => new { ReportId = r.Id, f.Id, f.Name, f.Unit, f.UserId })
            .ToListAsync(ct);
        var userIds = assignments.Where(a => a.UserId != null).Select(a => a.UserId!).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.LockoutEnd })
            .ToDictionaryAsync(u => u.Id, ct);
        var lastReminders = await db.Outbox.AsNoTracking()
            .Where(m => m.RoundId == round.Id && (m.Kind == OutboxKind.Reminder || m.Kind == OutboxKind.ReminderByHand))
            .GroupBy(m => m.ToAddress)
            .Select(g => new { g.Key, Last = g.Max(m => m.CreatedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, StringComparer.OrdinalIgnoreCase, ct);

        var byReport = assignments.ToLookup(a => a.ReportId);
        var rows = new List<Row>();
        foreach (var report in reports)
        {
            var askedHere = askedCounts.GetValueOrDefault(report.Id);
            var updatedHere = updatedCounts.GetValueOrDefault(report.Id);
            var focalPoints = byReport[report.Id].OrderBy(f => f.Name, StringComparer.CurrentCulture).ToList();
            if (focalPoints.Count == 0)
            {
                rows.Add(new Row(report.Id, report.Symbol, report.Title, 0, "", "", null, null, false, askedHere, updatedHere, null));
            }

            foreach (var focalPoint in focalPoints)
            {
                var account = focalPoint.UserId is { } id && accounts.TryGetValue(id, out var found) ? found : null;
                var email = account?.Email;
                rows.Add(new Row(
                    report.Id, report.Symbol, report.Title, focalPoint.Id, focalPoint.Name, focalPoint.Unit,
                    account?.Id, email, account is not null && AccountStatus.IsDisabled(account.LockoutEnd),
                    askedHere, updatedHere, email is not null && lastReminders.TryGetValue(email, out var last) ? last : null));
            }
        }

        return rows;
    }

    /// <summary>
    /// The people the round e-mails: one each, however many of its reports they hold; a focal point of a report with
    /// nothing open is asked only to check it (and has answered already, so gets no reminder).
    /// </summary>
    public static IReadOnlyList<Recipient> Recipients(IEnumerable<Row> rows) =>
    [
        .. rows.Where(r => r.CanBeEmailed)
            .GroupBy(r => r.UserId!)
            .Select(g => new Recipient(g.Key, g.First().Email!, g.First().Name, [.. g]))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture),
    ];

    /// <summary>The recommendations asked about that have had a change recorded while the round was open.</summary>
    public IQueryable<RoundRecommendation> UpdatedSinceOpening(IQueryable<RoundRecommendation> asked, FollowUpRound round)
    {
        var opened = round.OpenedAt;
        if (round.ClosedAt is not { } closed)
        {
            return asked.Where(r => db.History.Any(h => h.RecommendationId == r.RecommendationId && h.ChangedAt >= opened));
        }

        return asked.Where(r => db.History.Any(h => h.RecommendationId == r.RecommendationId && h.ChangedAt >= opened && h.ChangedAt < closed));
    }
}
