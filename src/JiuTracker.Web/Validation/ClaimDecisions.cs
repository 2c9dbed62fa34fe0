using System.Globalization;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using JiuTracker.Web.Settings;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Validation;

/// <summary>
/// A coordinator's decision on a claimed implementation (decision 032): accepted, it becomes Implemented; returned,
/// the claimer is told by e-mail, written to the outbox in the same transaction. A decision taken on a form opened
/// before the recommendation changed is refused, so nobody decides on what they did not see.
/// </summary>
public sealed class ClaimDecisions(JiuDbContext db, OrganizationTime organizationTime)
{
    /// <summary>What a decision did: null <see cref="Problem"/> when it was saved.</summary>
    public sealed record Outcome(string? Problem, bool Changed = false)
    {
        public static readonly Outcome Saved = new(Problem: null);
    }

    public Task<Outcome> AcceptAsync(int id, int? version, string? justification, ChangeStamp stamp, CancellationToken ct) =>
        DecideAsync(id, version, stamp, recommendation =>
        {
            recommendation.AcceptClaim(justification, stamp);
            return Task.CompletedTask;
        }, ct);

    /// <param name="linkBase">The app's public address, for the e-mail's links.</param>
    public Task<Outcome> ReturnAsync(int id, int? version, string? reason, string linkBase, ChangeStamp stamp, CancellationToken ct) =>
        DecideAsync(id, version, stamp, async recommendation =>
        {
            var claimedBy = recommendation.ClaimedBy!;
            recommendation.ReturnClaim(reason, stamp);
            await TellClaimerAsync(recommendation, claimedBy, linkBase, stamp, ct);
        }, ct);

    private async Task<Outcome> DecideAsync(int id, int? version, ChangeStamp stamp, Func<Recommendation, Task> decide, CancellationToken ct)
    {
        var recommendation = await db.Recommendations
            .Include(r => r.Report)
            .Include(r => r.Evidence).ThenInclude(e => e.Withdrawal)
            .SingleOrDefaultAsync(r => r.Id == id && r.WithdrawnAt == null, ct);
        if (recommendation is null)
        {
            return new Outcome("There is no such recommendation in force.");
        }

        if (version is null)
        {
            return new Outcome("The form is incomplete (its version is missing); reload the page and decide again.");
        }

        if (version != recommendation.Version)
        {
            return new Outcome(ChangedMeanwhile(recommendation), Changed: true);
        }

        try
        {
            await decide(recommendation);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new Outcome(rule.Message);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome(ChangedMeanwhile(recommendation), Changed: true);
        }
    }

    private static string ChangedMeanwhile(Recommendation recommendation) =>
        $"Recommendation {recommendation.Number} of {recommendation.Report.Symbol} was changed after you opened it, so nothing was decided. " +
        "What is recorded now is shown; decide again if the claim still awaits validation.";

    private async Task TellClaimerAsync(Recommendation recommendation, string claimedBy, string linkBase, ChangeStamp stamp, CancellationToken ct)
    {
        var normalized = claimedBy.ToUpperInvariant();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd })
            .SingleOrDefaultAsync(ct);
        if (account is null || AccountStatus.IsDisabled(account.LockoutEnd))
        {
            // Their start page still shows the return to every focal point of the report.
            return;
        }

        var name = await db.FocalPoints.Where(f => f.UserId == account.Id).Select(f => f.Name).FirstOrDefaultAsync(ct) ?? account.Email!;
        var id = recommendation.Id.ToString(CultureInfo.InvariantCulture);
        var content = ClaimEmails.Returned(
            new ClaimEmails.ReturnedClaim(recommendation.Report.Symbol, recommendation.Number, recommendation.ClaimReturnReason!, stamp.By, organizationTime.Day(stamp.At)),
            name,
            new Uri(new Uri(linkBase), $"Recommendations/Edit/{id}").ToString(),
            new Uri(new Uri(linkBase), $"Recommendations/Evidence/{id}").ToString());
        db.Outbox.Add(new OutboxMessage(OutboxKind.ClaimReturned, null, account.Email!, name, content.Subject, content.Text, content.Html, stamp.At));
    }
}
