using System.Globalization;
using JiuTracker.Web.Data;
using JiuTracker.Web.Demo;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Cli;

/// <summary>
/// <c>generate --reports N --seed S [--accounts]</c>: fills an empty database with N realistic reports (about ten
/// recommendations each, with focal points, comments and a history of status changes), the same for the same seed.
/// With <c>--accounts</c> every focal point also gets an account of the FocalPoint role linked to it
/// (<c>person-N@generated.example</c>, no password: nobody signs in with it), so a follow-up round can e-mail them all.
/// For measuring, never for a real install.
/// </summary>
public static class GenerateCommand
{
    private const int ReportsPerSave = 200;

    public static async Task<int> RunAsync(IServiceProvider services, string[] operands, CancellationToken ct)
    {
        if (!TryReadOptions(operands, out var reports, out var seed, out var accounts))
        {
            await Console.Error.WriteLineAsync("Usage: generate --reports <1..100000> [--seed <number>] [--accounts]   (into an empty database)");
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var db = services.GetRequiredService<JiuDbContext>();
        if (await db.Reports.AnyAsync(ct))
        {
            await Console.Error.WriteLineAsync("Cannot generate: the database already holds reports. Give an empty database (--ConnectionStrings:JiuTracker=...).");
            return 1;
        }

        var generator = new GeneratedData(seed, services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.FocalPoints.AddRange(generator.People(Math.Clamp(reports / 3, 5, 3000)));
        await db.SaveChangesAsync(ct);
        var linked = accounts ? await AddAccountsAsync(db, ct) : 0;
        var (recommendations, history) = (0, 0);
        for (var first = 1; first <= reports; first += ReportsPerSave)
        {
            db.ChangeTracker.Clear();
            var people = await db.FocalPoints.OrderBy(f => f.Id).ToListAsync(ct);
            foreach (var report in generator.Reports(first, Math.Min(ReportsPerSave, reports - first + 1), people))
            {
                db.Reports.Add(report);
                foreach (var recommendation in report.Recommendations)
                {
                    db.Entry(recommendation).Property(r => r.RegisteredAt).CurrentValue = generator.RegisteredAt(report.Year);
                    recommendations++;
                    history += recommendation.History.Count;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        Console.WriteLine($"Generated {reports:N0} reports, {recommendations:N0} recommendations, {history:N0} history entries, " +
            $"{linked:N0} focal-point accounts (seed {seed}).");
        return 0;
    }

    /// <summary>
    /// One account per focal point, linked to it: written as rows in one save, not through the account pages (a
    /// password hash each would take minutes for thousands), with what Identity needs to find and check them.
    /// </summary>
    private static async Task<int> AddAccountsAsync(JiuDbContext db, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.FocalPoint).Select(r => r.Id).SingleAsync(ct);
        var people = await db.FocalPoints.OrderBy(f => f.Id).ToListAsync(ct);
        foreach (var person in people)
        {
            var email = $"person-{person.Id.ToString(CultureInfo.InvariantCulture)}@generated.example";
            var user = new IdentityUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            person.LinkToUser(user.Id);
        }

        await db.SaveChangesAsync(ct);
        return people.Count;
    }

    private static bool TryReadOptions(string[] operands, out int reports, out int seed, out bool accounts)
    {
        (reports, seed) = (0, 1);
        accounts = operands.Contains("--accounts");
        operands = [.. operands.Where(o => o != "--accounts")];
        for (var i = 0; i + 1 < operands.Length; i += 2)
        {
            var parsed = int.TryParse(operands[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value);
            switch (operands[i])
            {
                case "--reports" when parsed && value is >= 1 and <= 100_000:
                    reports = value;
                    break;
                case "--seed" when parsed:
                    seed = value;
                    break;
                default:
                    return false;
            }
        }

        return reports > 0 && operands.Length % 2 == 0;
    }
}
