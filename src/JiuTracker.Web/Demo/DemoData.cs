using System.Globalization;
using System.Text;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Demo;

/// <summary>
/// Demo mode (the Development environment): an empty database becomes a demo database — it is marked so in the admin
/// audit log, filled from the seed document, and given demo accounts for every role and every focal point. A database
/// that is not empty and has no such mark is a real one and is left alone. Every demo change is in the audit log.
/// </summary>
public sealed partial class DemoData(
    JiuDbContext db, LegacyDocumentImporter importer, UserManager<IdentityUser> users, AccountAdministration accounts,
    TimeProvider time, ILogger<DemoData> logger)
{
    public const string Password = "JiuTracker-Demo-2026";
    public const string EmailDomain = "jiutracker.local";
    public const string AuditAuthor = "Demo mode (at start)";
    public const string AuditSubject = "Demo database";

    public static IReadOnlyList<(string Email, string Role)> StaffAccounts { get; } =
    [
        ($"admin@{EmailDomain}", Roles.Administrator),
        ($"coordinator@{EmailDomain}", Roles.Coordinator),
        ($"management@{EmailDomain}", Roles.Management),
        ($"auditor@{EmailDomain}", Roles.Auditor),
    ];

    /// <returns>Whether the database is a demo database (and now holds the demo data and accounts).</returns>
    public async Task<bool> EnsureAsync(CancellationToken ct)
    {
        if (!await IsDemoDatabaseAsync(ct))
        {
            if (!await IsEmptyAsync(ct))
            {
                LogNotADemoDatabase(logger);
                return false;
            }

            // The mark comes first: a start that stops half-way is completed by the next one, never taken for a real database.
            db.RecordAdminChange(Stamp(), AdminAction.DemoDatabaseCreated, AuditSubject,
                $"Demo mode found an empty database and made it a demo database: seed reports and demo accounts (password {Password}) are added.");
            await db.SaveChangesAsync(ct);
        }

        if (!await db.Reports.AnyAsync(ct))
        {
            await ImportSeedDocumentAsync(ct);
        }

        foreach (var (email, role) in StaffAccounts)
        {
            await EnsureAccountAsync(email, role, ct);
        }

        var focalPoints = await db.FocalPoints.ToListAsync(ct);
        foreach (var focalPoint in focalPoints)
        {
            var user = await EnsureAccountAsync(EmailOf(focalPoint.Name), Roles.FocalPoint, ct);
            if (focalPoint.UserId is null)
            {
                focalPoint.LinkToUser(user.Id);
                db.RecordAdminChange(Stamp(), AdminAction.FocalPointLinked, focalPoint.NameWithUnit, AdminAuditLog.Change("Account", null, user.Email));
            }
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<bool> IsDemoDatabaseAsync(CancellationToken ct) =>
        db.AdminAudit.AnyAsync(a => a.Action == AdminAction.DemoDatabaseCreated, ct);

    /// <summary>Empty as a new install is: no account, report, focal point or audit entry (roles and keys do not count).</summary>
    private async Task<bool> IsEmptyAsync(CancellationToken ct) =>
        !await db.Users.AnyAsync(ct) && !await db.Reports.AnyAsync(ct) && !await db.FocalPoints.AnyAsync(ct) && !await db.AdminAudit.AnyAsync(ct);

    private ChangeStamp Stamp() => new(AuditAuthor, time.GetUtcNow());

    /// <summary>"Anders Norsker" → anders.norsker@jiutracker.local: first and last name, lower-case ASCII.</summary>
    public static string EmailOf(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(AsciiLetters).Where(p => p.Length > 0).ToList();
        var local = parts.Count > 1 ? $"{parts[0]}.{parts[^1]}" : parts.SingleOrDefault() ?? "focal.point";
        return $"{local}@{EmailDomain}";
    }

    private static string AsciiLetters(string text)
    {
        var letters = text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetterOrDigit(c));
        return string.Concat(letters).ToLowerInvariant();
    }

    private async Task ImportSeedDocumentAsync(CancellationToken ct)
    {
        using var reader = SeedDocument.Open();
        var read = LegacyDocumentReader.Read(reader);
        if (!read.Succeeded)
        {
            throw new InvalidOperationException($"The seed document cannot be read: {string.Join("; ", read.Errors)}");
        }

        // The seed states its statuses as of 31 December 2021 (its title's "2020- 2021"): they are dated then (decision 034).
        var asOf = read.Document!.StatedDate
            ?? throw new InvalidOperationException($"The seed document {SeedDocument.FileName} states no date its statuses are as of.");
        var outcome = await importer.ImportAsync(read.Document!, asOf, SeedDocument.FileName, AuditAuthor, ct);
        LogSeedImported(logger, outcome.Created.Count, outcome.RecommendationsCreated, SeedDocument.FileName);
    }

    private async Task<IdentityUser> EnsureAccountAsync(string email, string role, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var created = await accounts.CreateAsync(email, [role], Password, Stamp(), ct);
            ThrowIfFailed(created.Errors.Select(e => e.Message), email);
            LogAccountCreated(logger, email, role);
            return (await users.FindByIdAsync(created.UserId!))!;
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            var result = await users.AddToRoleAsync(user, role);
            ThrowIfFailed(result.Errors.Select(e => e.Description), email);
            db.RecordAdminChange(Stamp(), AdminAction.AccountRolesChanged, email, $"Demo mode added the role {role}.");
            await db.SaveChangesAsync(ct);
        }

        return user;
    }

    private static void ThrowIfFailed(IEnumerable<string> errors, string email)
    {
        var reasons = errors.ToList();
        if (reasons.Count > 0)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", reasons)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: imported {Reports} reports and {Recommendations} recommendations from {Source}")]
    private static partial void LogSeedImported(ILogger logger, int reports, int recommendations, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: created account {Email} ({Role})")]
    private static partial void LogAccountCreated(ILogger logger, string email, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is not a demo database: no demo accounts or demo data are added. "
        + "Demo mode fills only an empty database (no account, report, focal point or audit entry) or one it made itself.")]
    private static partial void LogNotADemoDatabase(ILogger logger);
}
