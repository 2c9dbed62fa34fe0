using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

/// <summary>
/// A save that a unique index guards. The pages check first ("already registered"), but two identical posts at the
/// same instant both pass the check and the second meets the index: that one gets the message on its form, as the
/// check would have said, and nothing of it is saved. Any other failure is left to surface as it is.
/// </summary>
public static class UniqueSave
{
    /// <param name="whyTaken">
    /// Asks the database, after the failed save, whether another record now holds the value: the message saying so,
    /// or null when the failure was something else.
    /// </param>
    /// <returns>Whether it was saved.</returns>
    public static async Task<bool> TrySaveUniqueAsync(
        this JiuDbContext db, ModelStateDictionary modelState, string key, Func<JiuDbContext, CancellationToken, Task<string?>> whyTaken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(whyTaken);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await whyTaken(db, ct) is not { } message)
            {
                throw;
            }

            // What this save added or changed is dropped, so no later save of the request can carry it.
            db.ChangeTracker.Clear();
            modelState.AddModelError(key, message);
            return false;
        }
    }

    /// <summary>For a check that is a yes or no: <paramref name="message"/> when <paramref name="isTaken"/> says yes.</summary>
    public static Func<JiuDbContext, CancellationToken, Task<string?>> When(Func<JiuDbContext, CancellationToken, Task<bool>> isTaken, string message) =>
        async (db, ct) => await isTaken(db, ct) ? message : null;
}
