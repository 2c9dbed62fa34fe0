using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JiuTracker.Web.Data;

/// <summary>Ready means the database answers and has every migration this version of the app expects.</summary>
public sealed class DatabaseHealthCheck(JiuDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("The database is reachable and up to date.")
            : HealthCheckResult.Unhealthy($"{pending.Count} database migration(s) not applied.");
    }
}
