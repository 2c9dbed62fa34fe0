using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

public static class StatusChangeQueries
{
    /// <summary>
    /// The status changes at or after <paramref name="since"/> among <paramref name="history"/>, by recommendation,
    /// oldest first: what <see cref="StatusesAsOf.Rebuild"/> rebuilds a past day's statuses from.
    /// </summary>
    public static async Task<ILookup<int, RecordedStatusChange>> StatusChangesSinceAsync(
        this IQueryable<HistoryEntry> history, DateTimeOffset since, CancellationToken ct) =>
        (await history.AsNoTracking()
            .Where(h => h.ChangedAt >= since)
            .Where(StatusesAsOf.IsStatusChange)
            .OrderBy(h => h.RecommendationId).ThenBy(h => h.ChangedAt).ThenBy(h => h.Id)
            .Select(h => new { h.RecommendationId, Change = new RecordedStatusChange(h.Field, h.ChangedAt, h.OldValue) })
            .ToListAsync(ct))
            .ToLookup(h => h.RecommendationId, h => h.Change);
}
