using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace JiuTracker.Web.Pages.Admin.Recommendations;

/// <summary>The checks a new recommendation's fields get before the report is asked to add it, each on its own field.</summary>
internal static class DraftValidation
{
    public const int MaxNumber = 999;
    public const int MaxText = 10_000;

    /// <param name="prefix">The fields' name prefix, such as "Input" or "Input.Rows[2]".</param>
    /// <param name="taken">Numbers the report already has.</param>
    public static void Check(ModelStateDictionary modelState, string prefix, int? number, string? text, int? deadlineYear, IReadOnlySet<int> taken, string symbol)
    {
        if (number is { } n && modelState.GetFieldValidationState($"{prefix}.Number") != ModelValidationState.Invalid)
        {
            if (n is < 1 or > MaxNumber)
            {
                modelState.AddModelError($"{prefix}.Number", $"The number must be a whole number from 1 to {MaxNumber}, not {n}.");
            }
            else if (taken.Contains(n))
            {
                modelState.AddModelError($"{prefix}.Number", $"{symbol} already has a recommendation {n}.");
            }
        }

        if (!string.IsNullOrWhiteSpace(text) && text.Trim().Length > MaxText)
        {
            modelState.AddModelError($"{prefix}.Text", $"A recommendation's text can have at most {MaxText:N0} characters.");
        }

        if (deadlineYear is { } year && !RecommendationText.IsPlausibleDeadlineYear(year))
        {
            modelState.AddModelError($"{prefix}.DeadlineYear",
                $"The deadline must be a year from {RecommendationText.EarliestDeadlineYear} to {RecommendationText.LatestDeadlineYear}, not {year}.");
        }
    }

    /// <summary>For a save that the unique index refused: the numbers were added meanwhile (a second click, another administrator).</summary>
    public static string AlreadyExists(string symbol, IReadOnlyCollection<int> numbers) =>
        $"{(numbers.Count == 1 ? "Recommendation" : "Recommendations")} {string.Join(", ", numbers)} of {symbol} already "
        + $"{(numbers.Count == 1 ? "exists" : "exist")}: added meanwhile, by a second click or another administrator.";

    public static string Describe(Recommendation recommendation) =>
        $"Addressee: {recommendation.Addressee.Label()}; deadline: {recommendation.DeadlineYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}" +
        (recommendation.InformationOnlyNote is { } note ? $"; note: \"{note}\"" : "") +
        $".\nText: {recommendation.Text}";
}
