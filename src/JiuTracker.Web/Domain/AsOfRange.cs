using System.Globalization;

namespace JiuTracker.Web.Domain;

/// <summary>
/// The days an "as of" can name: from 1990-01-01 (the JIU's reports tracked here are later) to today. Outside that
/// the figures have nothing to rebuild from, and the extremes (0001-01-01, 9999-12-31) overflow date arithmetic.
/// </summary>
public static class AsOfRange
{
    public static readonly DateOnly Earliest = new(1990, 1, 1);

    /// <summary>The as-of field's label, which its messages name.</summary>
    public const string Label = "Status as of the end of";

    public static DateOnly Latest(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    /// <returns>Why the day cannot be used, naming the field; null when it can.</returns>
    public static string? Problem(DateOnly day, TimeProvider time)
    {
        var latest = Latest(time);
        return day < Earliest || day > latest
            ? string.Create(CultureInfo.InvariantCulture,
                $"{Label}: the day must be between {Earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd} (today); {day:yyyy-MM-dd} is outside.")
            : null;
    }
}
