using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

public static class RequestConnection
{
    /// <summary>
    /// Opens the context's connection for the rest of the request, before a read that sends several queries. EF Core
    /// otherwise opens and closes it around each query, and on SQLite every open also registers EF Core's functions on
    /// the connection: about 0.15 ms a query, a large part of a page's time (docs/benchmarks.md). The context closes it
    /// when the request's scope ends.
    /// </summary>
    public static Task KeepOpenAsync(this JiuDbContext db, CancellationToken ct) => db.Database.OpenConnectionAsync(ct);
}
