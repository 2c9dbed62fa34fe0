using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JiuTracker.Web.Data;

/// <summary>
/// After rows were copied with their ids, PostgreSQL's identity sequences still start at 1: each is moved past the
/// highest id copied, so the next row the app adds gets a free id. Other providers need nothing.
/// </summary>
internal static class SequenceReset
{
    public static async Task AfterCopyAsync(JiuDbContext db, IEnumerable<DatabaseCopy.Table> tables, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var statements = tables
            .Select(t => t.EntityType.FindPrimaryKey()!.Properties)
            .Where(key => key is [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var type }] && (type == typeof(int) || type == typeof(long)))
            .Select(key => (Table: key[0].DeclaringType.GetTableName()!, Column: key[0].GetColumnName()))
            .Select(k => $"SELECT setval(pg_get_serial_sequence('\"{k.Table}\"', '{k.Column}'), COALESCE(MAX(\"{k.Column}\"), 0) + 1, false) FROM \"{k.Table}\";");
        await db.Database.ExecuteSqlRawAsync(string.Join("\n", statements), ct);
    }
}
