using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// Opens a follow-up round: records the reports in scope and their recommendations as they stand, and writes one
/// request per focal point into the outbox — all in one transaction, so a round is never open without its e-mails,
/// nor an e-mail written for a round that is not.
/// </summary>
public sealed class RoundOpening(JiuDbContext db, FigureDefinitions definitions, RoundProgress progress)
{
    /// <param name="ReportIds">The reports in scope; none for the default (<see cref="DefaultScope"/>).</param>
    public sealed record Request(string? Name, DateOnly? DueDate, string? Message, IReadOnlyList<int> ReportIds);

    /// <param name="Problems">What is wrong, each with the form field it is about; when there are any nothing was opened.</param>
    public sealed record Outcome(FollowUpRound? Round, int Emails, IReadOnlyList<(string Field, string Message)> Problems);

    /// <summary>By default a round asks about every report with an open recommendation (<see cref="Figure.Open"/>): not implemented, not rejected.</summary>
    public IQueryable<int> DefaultScope() =>
        RecommendationFacts.Query(db).Where(definitions[Figure.Open].Predicate).Select(f => f.ReportId).Distinct();

    public async Task<Outcome> OpenAsync(Request request, string linkBase, ChangeStamp stamp, CancellationToken ct)
    {
        var problems = FollowUpRound.Problems(request.Name, request.DueDate, request.Message, DateOnly.FromDateTime(stamp.At.UtcDateTime)).ToList();
        var ids = request.ReportIds.Count > 0 ? request.ReportIds.Distinct().ToList() : await DefaultScope().ToListAsync(ct);
        var reports = await db.Reports.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (request.ReportIds.Count > 0 && reports.Count < ids.Count)
        {
            problems.Add((nameof(Request.ReportIds), $"{ids.Count - reports.Count} of the reports chosen are not registered (any more); choose again."));
        }
        else if (reports.Count == 0)
        {
            problems.Add((nameof(Request.ReportIds), "No report has an open recommendation (one not implemented, not rejected); choose the reports the round asks about."));
        }

        if (problems.Count > 0)
        {
            return new Outcome(null, 0, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var round = new FollowUpRound(request.Name!, request.DueDate!.Value, request.Message ?? "", linkBase, stamp);
        round.AddReports(reports);
        db.FollowUpRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var asked = await RoundScope.RecordAsync(db, round, definitions[Figure.Open].Predicate, ct);

        var recipients = RoundProgress.Recipients(await progress.RowsAsync(round, ct));
        foreach (var recipient in recipients)
        {
            var content = RoundEmails.Request(round, recipient);
            db.Outbox.Add(new OutboxMessage(OutboxKind.RoundOpened, round.Id, recipient.Email, recipient.Name, content.Subject, content.Text, content.Html, stamp.At));
        }

        db.RecordAdminChange(stamp, AdminAction.RoundOpened, round.Name,
            $"Due {round.DueDate:yyyy-MM-dd}; {reports.Count} report(s): {string.Join(", ", reports.Select(r => r.Symbol).Order(StringComparer.Ordinal))}; " +
            $"{asked} recommendation(s) asked about; {recipients.Count} e-mail(s) written to the outbox.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(round, recipients.Count, []);
    }
}
