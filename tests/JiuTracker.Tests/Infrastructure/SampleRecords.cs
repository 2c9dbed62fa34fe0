using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>Real records of the demo data to aim requests at, and a fingerprint of what the database holds.</summary>
public static class SampleRecords
{
    /// <summary>A report of Anders Norsker's and not of Cosmas Zavazava's.</summary>
    public const string Report = "JIU/REP/2021/3";

    private const string SubjectAccount = "sample.subject@jiutracker.local";

    /// <summary>
    /// Route values naming real records: the sample report, one of its recommendations, a focal point, and an account
    /// made for tests so that administrative requests on it touch nobody else.
    /// </summary>
    public static async Task<Func<AppEndpoint, string, string>> SampleRouteValuesAsync(this JiuTrackerFactory app)
    {
        var reportId = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == Report).Select(r => r.Id).SingleAsync());
        var recommendationId = await app.QueryAsync(db => db.Recommendations.Where(r => r.ReportId == reportId).Select(r => r.Id).FirstAsync());
        var focalPointId = await app.QueryAsync(db => db.FocalPoints.Select(f => f.Id).FirstAsync());
        var accountId = await app.SubjectAccountIdAsync();
        // A token of the subject account, so that its tokens page has one to revoke.
        if (!await app.QueryAsync(db => db.ApiTokens.AnyAsync(t => t.UserId == accountId && t.RevokedAt == null)))
        {
            await app.ApiTokenAsync(SubjectAccount);
        }

        // The sample file before the rounds: attached while a round is open, it would count as an answer to it.
        var evidenceId = await app.QueryAsync(db => EvidenceFiles.SampleAsync(db, recommendationId));
        var (openRound, frozenDocument) = await app.SampleRoundsAsync();
        var claimed = await app.SampleClaimAsync();

        return (endpoint, parameter) => (endpoint.Page, parameter) switch
        {
            (_, "reportId") or ("/Reports/Details" or "/Reports/Update" or "/Admin/Reports/Edit", "id") => $"{reportId}",
            ("/Recommendations/Edit" or "/Recommendations/History" or "/Recommendations/Evidence" or "/Admin/Recommendations/Edit", "id") => $"{recommendationId}",
            ("/api/v1/recommendations/{id:int}" or "/api/v1/recommendations/{id:int}/history", "id") => $"{recommendationId}",
            ("/Recommendations/EvidenceFile", "id") => $"{evidenceId}",
            ("/openapi/{documentName}.json", "documentName") => "v1",
            ("/Admin/FocalPoints/Edit", "id") => $"{focalPointId}",
            ("/Admin/Accounts/Edit" or "/Admin/Accounts/Tokens", "id") => accountId,
            ("/Rounds/Progress" or "/Rounds/Close" or "/Rounds/Remind", "id") => $"{openRound}",
            ("/Rounds/Document", "id") => $"{frozenDocument}",
            ("/Validation/Decide", "id") => $"{claimed}",
            _ => throw new InvalidOperationException($"No sample value for {{{parameter}}} of {endpoint.Name}: add one in {nameof(SampleRecords)}."),
        };
    }

    /// <summary>The number of rows of each kind a request could add, change the state of, or remove.</summary>
    public static Task<string> RowCountsAsync(this JiuTrackerFactory app) => app.QueryAsync(async db => string.Join(", ",
        $"reports {await db.Reports.CountAsync()}",
        $"recommendations {await db.Recommendations.CountAsync()}",
        $"withdrawn {await db.Recommendations.CountAsync(r => r.WithdrawnAt != null)}",
        $"history {await db.History.CountAsync()}",
        $"comments {await db.Comments.CountAsync()}",
        $"admin audit {await db.AdminAudit.CountAsync()}",
        $"workbook uploads {await db.WorkbookUploads.CountAsync()}",
        $"rounds {await db.FollowUpRounds.CountAsync()}",
        $"closed rounds {await db.FollowUpRounds.CountAsync(r => r.ClosedAt != null)}",
        $"outbox {await db.Outbox.CountAsync()}",
        $"evidence {await db.Evidence.CountAsync()}",
        $"withdrawn evidence {await db.EvidenceWithdrawals.CountAsync()}",
        $"claims {await db.Recommendations.CountAsync(r => r.ClaimedAt != null)}",
        $"returned claims {await db.Recommendations.CountAsync(r => r.ClaimReturnedAt != null)}",
        $"implemented {await db.Recommendations.CountAsync(r => r.Implementation == ImplementationStatus.Implemented)}",
        $"focal points {await db.FocalPoints.CountAsync()}",
        $"accounts {await db.Users.CountAsync()}",
        $"API tokens {await db.ApiTokens.CountAsync()}",
        $"revoked API tokens {await db.ApiTokens.CountAsync(t => t.RevokedAt != null)}",
        $"disabled {await db.Users.CountAsync(u => u.LockoutEnd != null)}"));

    /// <summary>
    /// A recommendation of the sample report whose implementation Anders Norsker (its focal point) claimed, made the
    /// first time it is asked for: the administrator and the coordinator may decide on it.
    /// </summary>
    private static async Task<int> SampleClaimAsync(this JiuTrackerFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiuDbContext>();
        var claimed = await db.Recommendations.Where(r => r.Report.Symbol == Report && r.ClaimedAt != null).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (claimed is { } id)
        {
            return id;
        }

        var recommendation = await db.Recommendations
            .Where(r => r.Report.Symbol == Report && r.InformationOnlyNote == null && r.WithdrawnAt == null && r.Implementation != ImplementationStatus.Implemented)
            .OrderByDescending(r => r.Number)
            .FirstAsync();
        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, new ChangeStamp(DemoAccounts.AndersNorsker, DateTimeOffset.UtcNow), ClosureValidation.Required);
        await db.SaveChangesAsync();
        return recommendation.Id;
    }

    /// <summary>A round left open (to remind and close) and the first file of a round closed at once, made the first time they are asked for.</summary>
    private static async Task<(int OpenRound, int FrozenDocument)> SampleRoundsAsync(this JiuTrackerFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiuDbContext>();
        if (!await db.RoundDocuments.AnyAsync())
        {
            var stamp = new ChangeStamp(DemoAccounts.Coordinator, DateTimeOffset.UtcNow);
            var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
            var opening = scope.ServiceProvider.GetRequiredService<RoundOpening>();
            var closed = await opening.OpenAsync(new RoundOpening.Request("Sample closed round", due, "", []), "http://localhost/", stamp, CancellationToken.None);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<RoundClosing>().CloseAsync(closed.Round!.Id, stamp, CancellationToken.None));
            Assert.NotNull((await opening.OpenAsync(new RoundOpening.Request("Sample open round", due, "", []), "http://localhost/", stamp, CancellationToken.None)).Round);
        }

        var open = await db.FollowUpRounds.Where(r => r.Name == "Sample open round").Select(r => r.Id).SingleAsync();
        var document = await db.RoundDocuments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        return (open, document);
    }

    private static async Task<string> SubjectAccountIdAsync(this JiuTrackerFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(SubjectAccount);
        if (user is null)
        {
            user = new IdentityUser { UserName = SubjectAccount, Email = SubjectAccount, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Sample-Subject-2026")).Succeeded);
        }

        return user.Id;
    }
}
