using System.Globalization;
using System.Text.RegularExpressions;

namespace JiuTracker.Web.Domain;

/// <summary>What a recommendation's own wording says about its addressee and deadline.</summary>
public static partial class RecommendationText
{
    public const int EarliestDeadlineYear = 1990;
    public const int LatestDeadlineYear = 2100;

    public static bool IsPlausibleDeadlineYear(int year) => year is >= EarliestDeadlineYear and <= LatestDeadlineYear;

    /// <summary>"The executive heads … should" or "The legislative organs and governing bodies … should"; anything else is Other.</summary>
    public static Addressee DetectAddressee(string text)
    {
        var opening = text.TrimStart();
        if (ExecutiveHeads().IsMatch(opening))
        {
            return Addressee.ExecutiveHeads;
        }

        return LegislativeBodies().IsMatch(opening) ? Addressee.LegislativeBodies : Addressee.Other;
    }

    /// <summary>
    /// The first year the text sets as a deadline: "by the end of 2022", "no later than 2022", "by 2023",
    /// "by 31 December 2022", "by end-2022", "by mid-2023", "before the end of 2023", "at the latest in 2023".
    /// </summary>
    public static int? DetectDeadlineYear(string text)
    {
        var match = Deadline().Match(text);
        return match.Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(?:The\s+)?executive\s+heads?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExecutiveHeads();

    [GeneratedRegex(@"^(?:The\s+)?(legislative|governing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LegislativeBodies();

    [GeneratedRegex(
        @"\b(?:by\s+(?:the\s+end\s+of\s+|the\s+end\s+of\s+the\s+year\s+|the\s+middle\s+of\s+|end\s+|(?:end|mid)\s*-\s*)?|no\s+later\s+than\s+(?:the\s+end\s+of\s+)?|before\s+(?:the\s+end\s+of\s+)?|at\s+the\s+latest\s+(?:by|in)\s+(?:the\s+end\s+of\s+)?)(?:\d{1,2}\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?<year>(?:19|20)\d{2})\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Deadline();
}
