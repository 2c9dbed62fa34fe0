namespace JiuTracker.Web.Domain;

/// <summary>A JIU report and the organization's follow-up of its recommendations.</summary>
public class Report
{
    private Report()
    {
    }

    public Report(ReportSymbol symbol, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Symbol = symbol.ToString();
        Year = symbol.Year;
        Number = symbol.Number;
        Title = title.Trim();
    }

    public int Id { get; private set; }

    public string Symbol { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>The report's number within its year, for ordering as the JIU does.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string? ReviewHighlightsUrl { get; set; }

    public CebCommentsStatus CebComments { get; private set; }

    /// <summary>The CEB document's symbol or link, where one is known.</summary>
    public string? CebCommentsReference { get; private set; }

    public ICollection<FocalPoint> FocalPoints { get; private set; } = [];

    public ICollection<Recommendation> Recommendations { get; private set; } = [];

    public void SetCebComments(CebCommentsStatus status, string? reference = null)
    {
        CebComments = status;
        CebCommentsReference = status == CebCommentsStatus.Available && !string.IsNullOrWhiteSpace(reference)
            ? reference.Trim()
            : null;
    }

    /// <summary>Corrects the symbol, title or review-highlights link; the symbol's uniqueness is the database's to guard.</summary>
    public void Revise(ReportSymbol symbol, string title, string? reviewHighlightsUrl)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Symbol = symbol.ToString();
        Year = symbol.Year;
        Number = symbol.Number;
        Title = title.Trim();
        ReviewHighlightsUrl = string.IsNullOrWhiteSpace(reviewHighlightsUrl) ? null : reviewHighlightsUrl.Trim();
    }

    /// <summary>Adds a recommendation whose addressee and deadline are read from its text.</summary>
    public Recommendation AddRecommendation(int number, string text, string? informationOnlyNote = null) =>
        AddRecommendation(
            number,
            text,
            RecommendationText.DetectAddressee(text ?? ""),
            RecommendationText.DetectDeadlineYear(text ?? ""),
            informationOnlyNote);

    /// <summary>Adds a recommendation with the addressee and deadline a person confirmed or corrected.</summary>
    public Recommendation AddRecommendation(int number, string text, Addressee addressee, int? deadlineYear, string? informationOnlyNote = null)
    {
        if (Recommendations.Any(r => r.Number == number))
        {
            throw new DomainRuleException($"{Symbol} already has a recommendation {number}.");
        }

        if (deadlineYear is { } year && !RecommendationText.IsPlausibleDeadlineYear(year))
        {
            throw new DomainRuleException(
                $"The deadline of recommendation {number} must be a year from {RecommendationText.EarliestDeadlineYear} to {RecommendationText.LatestDeadlineYear}, not {year}.");
        }

        var recommendation = new Recommendation(this, number, text, addressee, deadlineYear, informationOnlyNote);
        Recommendations.Add(recommendation);
        return recommendation;
    }

    public void Assign(FocalPoint focalPoint)
    {
        if (!FocalPoints.Contains(focalPoint))
        {
            FocalPoints.Add(focalPoint);
        }
    }

    /// <returns>Whether the focal point was assigned to this report.</returns>
    public bool Unassign(FocalPoint focalPoint) => FocalPoints.Remove(focalPoint);
}
