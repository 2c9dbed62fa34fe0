using System.Globalization;

namespace JiuTracker.Web.Dashboard;

/// <summary>A rate shown with its numerator and denominator, so it can be checked by hand.</summary>
public readonly record struct Rate(int Numerator, int Denominator)
{
    public double? Percent => Denominator == 0 ? null : 100.0 * Numerator / Denominator;

    /// <summary>"25.0 %", or "n/a" when there is nothing to divide by.</summary>
    public string Text => Percent is { } percent ? percent.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
}
