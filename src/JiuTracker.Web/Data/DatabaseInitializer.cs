using JiuTracker.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

/// <summary>Brings the database to the current schema and makes sure the roles exist; runs at every start.</summary>
public sealed partial class DatabaseInitializer(
    JiuDbContext db, RoleManager<IdentityRole> roles, IDataProtectionProvider dataProtection, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            LogApplyingMigrations(logger, pending.Count);
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // Readers never wait for writers, and a crash mid-write leaves the database intact; it stays set in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // The first instance to start creates the shared key, rather than each instance at its first request.
        dataProtection.CreateProtector(nameof(DatabaseInitializer)).Protect([]);

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s)")]
    private static partial void LogApplyingMigrations(ILogger logger, int count);
}
