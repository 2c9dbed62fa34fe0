using System.Runtime.CompilerServices;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// Where the data stands: the highest id of each table a change writes to. Every change to a recommendation writes
/// history, every administrative change writes the audit (decisions 001 and 010), and new rows raise the ids, also
/// when another process (an import) writes them.
/// </summary>
public sealed record DataVersion(long History, long Audit, long Recommendations, long Reports)
{
    /// <summary>The command, built once for each model (looking the table names up costs more than the command).</summary>
    private static readonly ConditionalWeakTable<IModel, string> Sql = [];

    /// <summary>Four index look-ups in one command (decision 013 says what the highest ids leave open on PostgreSQL).</summary>
    public static async Task<DataVersion> ReadAsync(JiuDbContext db, CancellationToken ct)
    {
        var sql = Sql.GetValue(db.Model, BuildSql);
        var read = await db.Database.SqlQueryRaw<Row>(sql).ToListAsync(ct);
        var row = read.Single();
        return new DataVersion(row.History, row.Audit, row.Recommendations, row.Reports);
    }

    private static string BuildSql(IModel model)
    {
        string HighestId<TEntity>() => $"(SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{model.FindEntityType(typeof(TEntity))!.GetTableName()}\")";

        // Table names from the model, no input: nothing to inject.
        return $"SELECT {HighestId<HistoryEntry>()} AS \"History\", {HighestId<AdminAuditEntry>()} AS \"Audit\", " +
            $"{HighestId<Recommendation>()} AS \"Recommendations\", {HighestId<Report>()} AS \"Reports\"";
    }

    /// <summary>
    /// True when the only changes since <paramref name="earlier"/> are new history entries: status, text or comment
    /// changes to recommendations, no administrative change and no new report or recommendation.
    /// </summary>
    public bool OnlyHistoryAddedSince(DataVersion earlier) =>
        Audit == earlier.Audit && Recommendations == earlier.Recommendations && Reports == earlier.Reports && History >= earlier.History;

    private sealed class Row
    {
        public long History { get; init; }

        public long Audit { get; init; }

        public long Recommendations { get; init; }

        public long Reports { get; init; }
    }
}
