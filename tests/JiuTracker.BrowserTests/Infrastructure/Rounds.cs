using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using JiuTracker.Web.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>Follow-up rounds for the pages that show them, made by the app's own services as the coordinator.</summary>
public static class Rounds
{
    public const string ClosedRoundName = "Council 2026";
    public const string OpenRoundName = "JIU annual request 2027";

    /// <param name="Document">The closed round's frozen Word document.</param>
    /// <param name="Message">One of the open round's requests in the outbox.</param>
    public sealed record Sample(int Open, int Closed, int Document, long Message);

    /// <summary>
    /// A round opened and closed (its figures and frozen files), then a round left open over the default scope (every
    /// report with a recommendation that needs an update); made the first time an app is asked, read back after.
    /// Tests of one class run one after the other, so two never make them at once.
    /// </summary>
    public static async Task<Sample> SampleAsync(this BrowserApp app)
    {
        if (await FindAsync(app) is not { } sample)
        {
            var closed = await app.OpenRoundAsync(ClosedRoundName, "Please bring the recommendations up to date before the Council.");
            await app.CloseRoundAsync(closed);
            await app.OpenRoundAsync(OpenRoundName, "The JIU asks for the status of every recommendation not yet implemented.");
            sample = await FindAsync(app) ?? throw new InvalidOperationException("The sample rounds were opened but are not found.");
        }

        return sample;
    }

    /// <summary>Opens a round over the default scope (or <paramref name="reportIds"/>), due in four weeks, as the coordinator.</summary>
    public static async Task<int> OpenRoundAsync(this BrowserApp app, string name, string message, IReadOnlyList<int>? reportIds = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var due = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(28);
        var outcome = await scope.ServiceProvider.GetRequiredService<RoundOpening>().OpenAsync(
            new RoundOpening.Request(name, due, message, reportIds ?? []), app.BaseAddress.ToString(), Stamp(time), CancellationToken.None);
        return outcome.Round?.Id ?? throw new InvalidOperationException(
            $"The round \"{name}\" was not opened: {string.Join(" ", outcome.Problems.Select(p => p.Message))}");
    }

    public static async Task CloseRoundAsync(this BrowserApp app, int roundId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await scope.ServiceProvider.GetRequiredService<RoundClosing>().CloseAsync(roundId, Stamp(time), CancellationToken.None) is { } problem)
        {
            throw new InvalidOperationException($"Round {roundId} was not closed: {problem}");
        }
    }

    private static ChangeStamp Stamp(TimeProvider time) => new(DemoAccounts.Coordinator, time.GetUtcNow());

    private static Task<Sample?> FindAsync(BrowserApp app) => app.QueryAsync(async db =>
    {
        var open = await db.FollowUpRounds.Where(r => r.Name == OpenRoundName).Select(r => (int?)r.Id).SingleOrDefaultAsync();
        var closed = await db.FollowUpRounds.Where(r => r.Name == ClosedRoundName).Select(r => (int?)r.Id).SingleOrDefaultAsync();
        if (open is null || closed is null)
        {
            return null;
        }

        var document = await db.RoundDocuments.Where(d => d.RoundId == closed && d.ContentType == ExportFiles.DocumentContentType).Select(d => d.Id).SingleAsync();
        var message = await db.Outbox.Where(m => m.RoundId == open).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        return new Sample(open.Value, closed.Value, document, message);
    });
}
