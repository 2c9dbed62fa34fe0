using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>Finding the recommendations a test opens, and reading back what the browser stored.</summary>
public static class Recommendations
{
    /// <param name="Claimed">Implementation claimed, awaiting a coordinator's validation (decision 032).</param>
    public sealed record Stored(int Id, int Number, Acceptance? Acceptance, ImplementationStatus? Implementation, int Version, bool Claimed)
    {
        /// <summary>As the focal point stated it: Implemented while claimed.</summary>
        public ImplementationStatus? StatedImplementation => Claimed ? ImplementationStatus.Implemented : Implementation;
    }

    public static Task<List<Stored>> OfReportAsync(this BrowserApp app, string symbol) =>
        app.QueryAsync(db => db.Recommendations.AsNoTracking()
            .Where(r => r.Report.Symbol == symbol && r.WithdrawnAt == null && r.InformationOnlyNote == null)
            .OrderBy(r => r.Number)
            .Select(r => new Stored(r.Id, r.Number, r.Acceptance, r.Implementation, r.Version, r.ClaimedAt != null))
            .ToListAsync());

    public static Task<Stored> StoredAsync(this BrowserApp app, int id) =>
        app.QueryAsync(db => db.Recommendations.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new Stored(r.Id, r.Number, r.Acceptance, r.Implementation, r.Version, r.ClaimedAt != null))
            .SingleAsync());
}
