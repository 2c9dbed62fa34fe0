using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>Claimed implementations (decision 032) for the pages that show them, made through the domain as a focal point would.</summary>
public static class Claims
{
    public const string ReturnReason = "The policy attached is a draft: attach the one the Council adopted.";

    /// <param name="Report">The environment report, whose two claims await a coordinator.</param>
    /// <param name="WithEvidence">Claimed by Robin Zuercher with the sample file attached.</param>
    /// <param name="WithoutEvidence">Claimed by Robin Zuercher with no file.</param>
    /// <param name="Returned">Claimed by Anders Norsker on the cybersecurity report and returned by the coordinator: on his start page.</param>
    public sealed record Sample(int Report, int WithEvidence, int WithoutEvidence, int Returned);

    /// <summary>
    /// The three claims, made the first time an app is asked, read back after; each on an accepted recommendation not
    /// yet implemented: the first and the last of the environment report, and the last of the cybersecurity report.
    /// </summary>
    public static async Task<Sample> SampleClaimsAsync(this BrowserApp app)
    {
        var report = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == DemoAccounts.EnvironmentReport).Select(r => r.Id).SingleAsync());
        var environment = await app.OfReportAsync(DemoAccounts.EnvironmentReport);
        var (withEvidence, withoutEvidence) = (environment.First(ClaimableNow).Id, environment.Last(ClaimableNow).Id);
        var returned = (await app.OfReportAsync(DemoAccounts.CybersecurityReport)).Last(ClaimableNow).Id;
        await app.QueryAsync(db => EvidenceFiles.SampleAsync(db, withEvidence));
        await app.ClaimOnceAsync(withEvidence, DemoAccounts.RobinZuercher);
        await app.ClaimOnceAsync(withoutEvidence, DemoAccounts.RobinZuercher);
        if (await app.ClaimOnceAsync(returned, DemoAccounts.AndersNorsker))
        {
            await app.QueryAsync(async db =>
            {
                var recommendation = await db.Recommendations.SingleAsync(r => r.Id == returned);
                recommendation.ReturnClaim(ReturnReason, new ChangeStamp(DemoAccounts.Coordinator, DateTimeOffset.UtcNow));
                return await db.SaveChangesAsync();
            });
        }

        return new Sample(report, withEvidence, withoutEvidence, returned);
    }

    /// <summary>States Implemented on a recommendation as <paramref name="by"/>, which makes it a claim awaiting a coordinator.</summary>
    public static Task ClaimAsync(this BrowserApp app, int recommendationId, string by) => app.QueryAsync(async db =>
    {
        var recommendation = await db.Recommendations.SingleAsync(r => r.Id == recommendationId);
        recommendation.UpdateStatus(Acceptance.Accepted, ImplementationStatus.Implemented, new ChangeStamp(by, DateTimeOffset.UtcNow), ClosureValidation.Required);
        return await db.SaveChangesAsync();
    });

    /// <summary>An accepted recommendation that a focal point can still claim as implemented.</summary>
    public static bool ClaimableNow(Recommendations.Stored row) =>
        row.Acceptance == Acceptance.Accepted && row.Implementation != ImplementationStatus.Implemented;

    /// <summary>Claims it unless it was claimed (or returned) before; answers whether it claimed now.</summary>
    private static async Task<bool> ClaimOnceAsync(this BrowserApp app, int recommendationId, string by)
    {
        var before = await app.QueryAsync(db => db.Recommendations.AnyAsync(r => r.Id == recommendationId && (r.ClaimedAt != null || r.ClaimReturnedAt != null)));
        if (before)
        {
            return false;
        }

        await app.ClaimAsync(recommendationId, by);
        return true;
    }
}
