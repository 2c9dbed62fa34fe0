namespace JiuTracker.Web.Domain;

/// <summary>A focal point as pages and documents name it; <see cref="ToString"/> is "Mr. Anders Norsker (GS/IS)".</summary>
public sealed record FocalPointName(string Title, string Name, string Unit)
{
    /// <summary>"Mr. Anders Norsker (GS/IS)": pages and the document's Table 1.</summary>
    public string WithTitleAndUnit => FocalPoint.WithTitleAndUnit(Title, Name, Unit);

    /// <summary>"Anders Norsker (GS/IS)": the CSV and the workbook's flat sheet.</summary>
    public string WithUnit => FocalPoint.WithUnit(Name, Unit);

    public override string ToString() => WithTitleAndUnit;
}
