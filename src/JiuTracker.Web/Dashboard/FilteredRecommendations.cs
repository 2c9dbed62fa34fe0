using JiuTracker.Web.Data;
using JiuTracker.Web.Security;

namespace JiuTracker.Web.Dashboard;

/// <summary>The recommendations a filter and, optionally, a figure select: the rows behind every dashboard number.</summary>
public sealed class FilteredRecommendations(JiuDbContext db, FigureDefinitions figures)
{
    /// <param name="userId">The signed-in user, for <see cref="RecommendationFilter.Mine"/>.</param>
    public IQueryable<RecommendationFacts> Query(RecommendationFilter filter, Figure figure, string? userId)
    {
        var facts = Filtered(RecommendationFacts.Query(db), filter, userId);
        return figure == Figure.All ? facts : facts.Where(figures[figure].Predicate);
    }

    /// <summary>The recommendations the filter selects, withdrawn ones too: for the figures as of past days.</summary>
    public IQueryable<RecommendationFacts> IncludingWithdrawn(RecommendationFilter filter, string? userId) =>
        Filtered(RecommendationFacts.QueryIncludingWithdrawn(db), filter, userId);

    private IQueryable<RecommendationFacts> Filtered(IQueryable<RecommendationFacts> facts, RecommendationFilter filter, string? userId)
    {
        if (filter.From is { } from)
        {
            facts = facts.Where(f => f.ReportYear >= from);
        }

        if (filter.To is { } to)
        {
            facts = facts.Where(f => f.ReportYear <= to);
        }

        if (filter.Report is { } symbol)
        {
            var normalized = symbol.Trim().ToUpperInvariant();
            facts = facts.Where(f => f.ReportSymbol == normalized);
        }

        if (filter.AddresseeValue is { } addressee)
        {
            facts = facts.Where(f => f.Addressee == addressee);
        }

        if (filter.Unit is { } unit)
        {
            facts = facts.Where(f => db.FocalPoints.Any(p => p.Unit == unit && p.Reports.Any(r => r.Id == f.ReportId)));
        }

        if (filter.FocalPoint is { } focalPointId)
        {
            facts = facts.Where(f => db.FocalPoints.Any(p => p.Id == focalPointId && p.Reports.Any(r => r.Id == f.ReportId)));
        }

        if (filter.IsMine)
        {
            var own = EditableReports.AssignedTo(db, userId);
            facts = facts.Where(f => own.Contains(f.ReportId));
        }

        return facts;
    }
}
