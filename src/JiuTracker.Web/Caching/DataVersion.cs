using System.Runtime.CompilerServices;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JiuTracker.Web.Caching;

/// <summary>
/// Where the data stands: the <see cref="StoredDataVersion"/> every save raises (decision 019), and the highest history
/// id, from which the dashboard catches up on the reports whose recommendations changed since (decision 017).
/// </summary>
public sealed record DataVersion(long Saves, long SavesBeyondHistory, long History)
{
    /// <summary>The command, built once for each model (looking the table names up costs more than the command).</summary>
    private static readonly ConditionalWeakTable<IModel, string> Sql = [];

    /// <summary>Two index look-ups in one command.</summary>
    public static async Task<DataVersion> ReadAsync(JiuDbContext db, CancellationToken ct)
    {
        var sql = Sql.GetValue(db.Model, BuildSql);
        var read = await db.Database.SqlQueryRaw<Row>(sql).ToListAsync(ct);
        var row = read.Single();
        return new DataVersion(row.Saves, row.SavesBeyondHistory, row.History);
    }

    private static string BuildSql(IModel model)
    {
        string TableOf<TEntity>() => model.FindEntityType(typeof(TEntity))!.GetTableName()!;
        string Stored(string column) =>
            $"COALESCE((SELECT \"{column}\" FROM \"{TableOf<StoredDataVersion>()}\" WHERE \"Id\" = {StoredDataVersion.RowId}), 0)";

        // Table names from the model, no input: nothing to inject.
        return $"SELECT {Stored(nameof(StoredDataVersion.Saves))} AS \"Saves\", " +
            $"{Stored(nameof(StoredDataVersion.SavesBeyondHistory))} AS \"SavesBeyondHistory\", " +
            $"(SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{TableOf<HistoryEntry>()}\") AS \"History\"";
    }

    /// <summary>
    /// True when every save since <paramref name="earlier"/> only recorded history on recommendations (status, text or
    /// comment changes): no administrative change, no new report or recommendation, no account or focal-point change.
    /// </summary>
    public bool OnlyHistoryAddedSince(DataVersion earlier) =>
        SavesBeyondHistory == earlier.SavesBeyondHistory && Saves >= earlier.Saves && History >= earlier.History;

    private sealed class Row
    {
        public long Saves { get; init; }

        public long SavesBeyondHistory { get; init; }

        public long History { get; init; }
    }
}
