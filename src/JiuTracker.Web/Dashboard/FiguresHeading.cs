using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// What a page of figures says above them, on screen and printed: when they are as of and what the filter selects.
/// Kept figures are kept only until the data changes, so figures shown now count every change saved until now.
/// </summary>
public sealed class FiguresHeading(JiuDbContext db, TimeProvider time, FigureDefinitions definitions)
{
    public async Task<Line> ForAsync(RecommendationFilter filter, CancellationToken ct)
    {
        var focalPointName = filter.FocalPoint is { } id
            ? await db.FocalPoints.Where(f => f.Id == id).Select(f => f.Name).SingleOrDefaultAsync(ct)
            : null;
        return new Line(time.GetUtcNow(), definitions.Today, FilterInWords.Describe(filter, focalPointName));
    }

    /// <param name="AsOf">When the figures are as of: the time of the page.</param>
    /// <param name="Today">The day deadlines are compared with.</param>
    /// <param name="Selection">The filter in a sentence.</param>
    public sealed record Line(DateTimeOffset AsOf, DateOnly Today, string Selection);
}
