using System.Runtime.CompilerServices;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace JiuTracker.Web.Data;

/// <summary>
/// Raises the <see cref="StoredDataVersion"/> in the same transaction as every save that changes anything, whichever
/// code path saves (pages, Identity, commands, the Data Protection key store), before the save's own commands: the row
/// stays locked until the commit, so saves on PostgreSQL commit in the order of their versions and a reader never sees
/// a version without every change it counts (decision 019). Part of every context's options
/// (<see cref="DatabaseConnection.Options"/>), not a service a context may lack; the last of them, so the lock is
/// taken after every other interceptor has done its part.
/// </summary>
public sealed class DataVersionInterceptor : SaveChangesInterceptor
{
    public static readonly DataVersionInterceptor Instance = new();

    private static readonly string RaiseAfterHistory = Raise(beyondHistory: 0);
    private static readonly string RaiseBeyondHistory = Raise(beyondHistory: 1);

    /// <summary>The transactions this interceptor began, to commit or roll back when the save ends.</summary>
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _begun = [];

    private DataVersionInterceptor()
    {
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !context.ChangeTracker.HasChanges())
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _begun.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
        }

        try
        {
            await context.Database.ExecuteSqlRawAsync(SqlFor(context.ChangeTracker), cancellationToken);
        }
        catch
        {
            // EF Core does not report a save that failed in its interceptor as failed: end the transaction here.
            await RollBackAsync(context);
            throw;
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } context || !context.ChangeTracker.HasChanges())
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _begun.AddOrUpdate(context, context.Database.BeginTransaction());
        }

        try
        {
            context.Database.ExecuteSqlRaw(SqlFor(context.ChangeTracker));
        }
        catch
        {
            RollBack(context);
            throw;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            using (transaction)
            {
                transaction.Commit();
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await RollBackAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await RollBackAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => RollBack(eventData.Context);

    /// <summary>An upsert both providers understand: the first save of a new database creates the row.</summary>
    private static string Raise(int beyondHistory) => $"""
        INSERT INTO "DataVersion" ("Id", "Saves", "SavesBeyondHistory") VALUES ({StoredDataVersion.RowId}, 1, {beyondHistory})
        ON CONFLICT ("Id") DO UPDATE SET "Saves" = "DataVersion"."Saves" + 1, "SavesBeyondHistory" = "DataVersion"."SavesBeyondHistory" + {beyondHistory}
        """;

    /// <summary>
    /// A save that only records history on recommendations (a status, text or comment change: history and comments
    /// added, recommendations modified) can be caught up by the dashboard; anything else is counted again.
    /// </summary>
    /// <remarks>
    /// Called after <c>HasChanges()</c> has detected the changes: the entries are read without detecting them again, a
    /// pass over every tracked entity that costs milliseconds on a whole-report save.
    /// </remarks>
    private static string SqlFor(ChangeTracker changes)
    {
        var detecting = changes.AutoDetectChangesEnabled;
        changes.AutoDetectChangesEnabled = false;
        try
        {
            return changes.Entries().All(e => e.State == EntityState.Unchanged || RecordsHistory(e)) ? RaiseAfterHistory : RaiseBeyondHistory;
        }
        finally
        {
            changes.AutoDetectChangesEnabled = detecting;
        }
    }

    private static bool RecordsHistory(EntityEntry entry) => (entry.Entity, entry.State) switch
    {
        (HistoryEntry, EntityState.Added) => true,
        (Comment, EntityState.Added) => true,
        (Recommendation, EntityState.Modified) => true,
        _ => false,
    };

    private IDbContextTransaction? Take(DbContext? context)
    {
        if (context is null || !_begun.TryGetValue(context, out var transaction))
        {
            return null;
        }

        _begun.Remove(context);
        return transaction;
    }

    private void RollBack(DbContext? context)
    {
        if (Take(context) is { } transaction)
        {
            using (transaction)
            {
                transaction.Rollback();
            }
        }
    }

    private async Task RollBackAsync(DbContext? context)
    {
        if (Take(context) is { } transaction)
        {
            // Not cancelled: the transaction must end whatever ended the save.
            await using (transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }
}
