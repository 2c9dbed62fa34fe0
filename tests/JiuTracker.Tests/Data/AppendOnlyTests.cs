using System.Data.Common;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Data;

/// <summary>The history and the audit log refuse any change or removal, whoever asks: the database's own triggers.</summary>
public class AppendOnlyTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData("UPDATE \"History\" SET \"NewValue\" = 'rewritten'", "cannot be changed")]
    [InlineData("DELETE FROM \"History\"", "cannot be deleted")]
    [InlineData("UPDATE \"AdminAudit\" SET \"By\" = 'someone else'", "cannot be changed")]
    [InlineData("DELETE FROM \"AdminAudit\"", "cannot be deleted")]
    public async Task HistoryAndAuditRows_AreRefusedAnyChange_ByTheDatabaseItself(string sql, string message)
    {
        await using var db = app.CreateDbContext();
        // Appending is what the tables are for: an audit row to try to change.
        db.RecordAdminChange(new ChangeStamp("test", DateTimeOffset.UtcNow), AdminAction.ReportCreated, "JIU/REP/2021/3", "");
        await db.SaveChangesAsync();
        var before = await db.History.CountAsync() + await db.AdminAudit.CountAsync();

        var refusal = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.History.CountAsync() + await db.AdminAudit.CountAsync());
        Assert.True(before > 0);
    }
}
