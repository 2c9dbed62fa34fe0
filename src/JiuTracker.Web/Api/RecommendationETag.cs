using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace JiuTracker.Web.Api;

/// <summary>
/// A recommendation's entity tag: its id and the concurrency version its edit page saves against (<c>"12.3"</c>),
/// strong, so that <c>If-Match</c> compares it as RFC 9110 says. Opaque to clients: they send back what they got.
/// </summary>
public static class RecommendationETag
{
    public static string Of(int id, int version) => $"\"{id.ToString(CultureInfo.InvariantCulture)}.{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>What an <c>If-Match</c> header says about recommendation <paramref name="id"/>.</summary>
    public static IfMatch Read(string? header, int id)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new IfMatch(IfMatchKind.Missing, null);
        }

        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags) || tags.Count == 0)
        {
            return new IfMatch(IfMatchKind.Unreadable, null);
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return new IfMatch(IfMatchKind.Any, null);
        }

        // Strong comparison: a weak tag never matches, and a tag of another recommendation matches no version of this one.
        var prefix = $"\"{id.ToString(CultureInfo.InvariantCulture)}.";
        var versions = tags.Where(t => !t.IsWeak && t.Tag.Value!.StartsWith(prefix, StringComparison.Ordinal))
            .Select(t => int.TryParse(t.Tag.Value![prefix.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null)
            .OfType<int>()
            .ToList();
        return new IfMatch(IfMatchKind.Versions, versions);
    }

    public enum IfMatchKind
    {
        Missing,
        Unreadable,

        /// <summary><c>If-Match: *</c>, which says nothing about the version the change was made on.</summary>
        Any,
        Versions,
    }

    /// <param name="Versions">For <see cref="IfMatchKind.Versions"/>: the versions of this recommendation the header names (maybe none).</param>
    public sealed record IfMatch(IfMatchKind Kind, IReadOnlyList<int>? Versions);
}
