using System.Globalization;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using JiuTracker.Web.Settings;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// Closes a round: records each recommendation's statuses at that moment beside those at the opening, and freezes the
/// "Action required" Word document and the workbook of the round's reports as they stand, byte for byte with their
/// SHA-256, in the same save as the closing itself.
/// </summary>
public sealed class RoundClosing(JiuDbContext db, ExportFiles files, OrganizationTime organizationTime)
{
    /// <returns>Null when closed; otherwise why not (already closed, by someone else a moment ago included).</returns>
    public async Task<string?> CloseAsync(int roundId, ChangeStamp stamp, CancellationToken ct)
    {
        var round = await db.FollowUpRounds.Include(r => r.Reports).Include(r => r.Recommendations).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return "There is no such round.";
        }

        if (round.IsClosed)
        {
            return $"The round \"{round.Name}\" was already closed on {organizationTime.Text(round.ClosedAt!.Value)} by {round.ClosedBy}.";
        }

        var ids = round.Recommendations.Select(r => r.RecommendationId).ToList();
        var now = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Acceptance, r.Implementation })
            .ToDictionaryAsync(r => r.Id, ct);
        foreach (var recommendation in round.Recommendations)
        {
            var current = now[recommendation.RecommendationId];
            recommendation.RecordClosing(current.Acceptance, current.Implementation);
        }

        // The documents a governing body receives: the round's reports, without withdrawn recommendations, as of now.
        var scope = new ExportScope { Report = [.. round.Reports.Select(r => r.Symbol)] }.ForReader(mayReadWithdrawn: false);
        var day = stamp.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        db.RoundDocuments.Add(new RoundDocument(round.Id, $"action-required-round-{round.Id}-{day}.docx", ExportFiles.DocumentContentType,
            await WriteAsync(stream => files.WriteDocumentAsync(stream, scope, ct)), stamp.At));
        db.RoundDocuments.Add(new RoundDocument(round.Id, $"jiu-status-round-{round.Id}-{day}.xlsx", ActionRequiredWorkbook.ContentType,
            await WriteAsync(stream => files.WriteWorkbookAsync(stream, scope, ct)), stamp.At));

        round.Close(stamp);
        db.RecordAdminChange(stamp, AdminAction.RoundClosed, round.Name,
            $"Closed with {round.Recommendations.Count(r => r.Asked)} recommendation(s) asked about; the Word document and the workbook were frozen.");
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var closed = await db.FollowUpRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
            return $"The round \"{closed.Name}\" was closed a moment ago by {closed.ClosedBy}; nothing more was saved.";
        }
    }

    /// <summary>Open XML packages want a seekable stream; the files are a few hundred kilobytes.</summary>
    private static async Task<byte[]> WriteAsync(Func<Stream, Task> write)
    {
        using var buffer = new MemoryStream();
        await write(buffer);
        return buffer.ToArray();
    }
}
