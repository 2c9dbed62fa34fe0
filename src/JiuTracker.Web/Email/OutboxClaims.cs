using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Email;

/// <summary>
/// Takes the messages due for sending so that each is sent by one instance at a time (decision 030). On PostgreSQL the
/// rows are read with <c>FOR UPDATE SKIP LOCKED</c>, so instances claiming at the same moment take different rows;
/// every claim also raises the message's attempt count, a concurrency token, so a claim that raced another fails
/// instead of taking the same row twice. A claim lasts <see cref="OutboxOptions.ClaimSeconds"/>.
/// </summary>
public static class OutboxClaims
{
    public static async Task<List<OutboxMessage>> ClaimDueAsync(this JiuDbContext db, DateTimeOffset now, TimeSpan hold, int batch, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = db.Database.IsNpgsql()
            ? await db.Outbox.FromSqlInterpolated($"""
                SELECT * FROM "OutboxMessages"
                WHERE "State" = {nameof(OutboxState.Pending)} AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                ORDER BY "Id" LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)
            : await db.Outbox
                .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.Id).Take(batch).ToListAsync(ct);
        foreach (var message in due)
        {
            message.Claim(now + hold);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return due;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sender claimed some of them first: leave the whole batch to the next round of claims.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return [];
        }
    }
}
