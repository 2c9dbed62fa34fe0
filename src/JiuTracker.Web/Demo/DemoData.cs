using System.Globalization;
using System.Text;
using JiuTracker.Web.Data;
using JiuTracker.Web.Import;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Demo;

/// <summary>
/// Demo mode (the Development environment): an empty database is filled from the seed document, and demo accounts
/// exist for every role and every focal point. Never used outside demo mode.
/// </summary>
public sealed partial class DemoData(JiuDbContext db, LegacyDocumentImporter importer, UserManager<IdentityUser> users, ILogger<DemoData> logger)
{
    public const string Password = "JiuTracker-Demo-2026";
    public const string EmailDomain = "jiutracker.local";

    public static IReadOnlyList<(string Email, string Role)> StaffAccounts { get; } =
    [
        ($"admin@{EmailDomain}", Roles.Administrator),
        ($"management@{EmailDomain}", Roles.Management),
        ($"auditor@{EmailDomain}", Roles.Auditor),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!await db.Reports.AnyAsync(ct))
        {
            await ImportSeedDocumentAsync(ct);
        }

        foreach (var (email, role) in StaffAccounts)
        {
            await EnsureAccountAsync(email, role);
        }

        var focalPoints = await db.FocalPoints.ToListAsync(ct);
        foreach (var focalPoint in focalPoints)
        {
            var user = await EnsureAccountAsync(EmailOf(focalPoint.Name), Roles.FocalPoint);
            if (focalPoint.UserId is null)
            {
                focalPoint.LinkToUser(user.Id);
            }
        }

        await db.SaveChangesAsync(ct);
    }

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

        var outcome = await importer.ImportAsync(read.Document!, SeedDocument.FileName, ct);
        LogSeedImported(logger, outcome.Created.Count, outcome.RecommendationsCreated, SeedDocument.FileName);
    }

    private async Task<IdentityUser> EnsureAccountAsync(string email, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            ThrowIfFailed(await users.CreateAsync(user, Password), email);
            LogAccountCreated(logger, email, role);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            ThrowIfFailed(await users.AddToRoleAsync(user, role), email);
        }

        return user;
    }

    private static void ThrowIfFailed(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: imported {Reports} reports and {Recommendations} recommendations from {Source}")]
    private static partial void LogSeedImported(ILogger logger, int reports, int recommendations, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: created account {Email} ({Role})")]
    private static partial void LogAccountCreated(ILogger logger, string email, string role);
}
