using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

/// <summary>
/// A save of many changed entities (a whole report's matrix, an update workbook) with the changes detected once. By
/// default the data version's interceptor, asking whether anything changed, and the save itself each scan every
/// tracked entity: for ten thousand recommendations and their new history that is a second of the save
/// (docs/benchmarks.md, the update workbook).
/// </summary>
public static class BulkSave
{
    public static async Task<int> SaveDetectingChangesOnceAsync(this DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.DetectChanges();
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
