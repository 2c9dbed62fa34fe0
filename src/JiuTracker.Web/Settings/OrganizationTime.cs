using System.Globalization;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Settings;

/// <summary>
/// How a moment is shown to people: in the organization's time zone (<see cref="OrganizationOptions.TimeZone"/>), each
/// moment with its own offset so that daylight saving is right for it. Days ("as of the end of") stay UTC days (decision 037).
/// </summary>
public sealed class OrganizationTime
{
    public const string UtcId = "UTC";

    public OrganizationTime(IOptions<OrganizationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Zone = FindZone(options.Value.TimeZone)
            ?? throw new InvalidOperationException($"{OrganizationOptions.TimeZoneSetting} \"{options.Value.TimeZone}\" is not a time zone.");
        IsUtc = Zone.HasSameRules(TimeZoneInfo.Utc) && Zone.StandardName == TimeZoneInfo.Utc.StandardName;
        Name = IsUtc ? UtcId : $"{GenericName(Zone)} ({Zone.Id})";
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Whether the zone is UTC itself (UTC, Etc/UTC): then moments are written "… UTC", as before the setting.</summary>
    public bool IsUtc { get; }

    /// <summary>The zone as readers know it: "UTC", or "Central European Time (Europe/Zurich)".</summary>
    public string Name { get; }

    /// <summary>The sentence under a table of moments: "Times are Central European Time (Europe/Zurich)."</summary>
    public string TimesAre => $"Times are {Name}.";

    /// <summary>
    /// After a day of an "as of": "(UTC)", or, where times are shown in another zone, that the day still ends at midnight UTC.
    /// </summary>
    public string DayEndNote => IsUtc ? "(UTC)" : $"(UTC: the day ends at midnight UTC, not at midnight {Zone.Id} time)";

    /// <summary>Under the trends: when their quarters and years end.</summary>
    public string PeriodsEnd => IsUtc ? "Times are UTC." : "Quarters and years end at midnight UTC.";

    /// <summary>The shortest name of the zone, for a column header: "UTC" or "Europe/Zurich".</summary>
    public string ShortName => IsUtc ? UtcId : Zone.Id;

    /// <summary>"2026-12-04 19:45 UTC+01:00" (or "2026-12-04 18:45 UTC" in UTC): the local time and the offset it has at that moment.</summary>
    public string Text(DateTimeOffset moment, bool seconds = false)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Zone);
        var time = local.ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{time} {OffsetName(local.Offset)}";
    }

    /// <summary>The day the moment falls on in the zone, as a page that shows only the day of a change gives it.</summary>
    public DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    /// <summary>"2026-12-04": <see cref="Day"/> as pages write it.</summary>
    public string DayText(DateTimeOffset moment) => Day(moment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The name of the offset a moment has in the zone ("Central European Summer Time"), for a tooltip.</summary>
    public string OffsetLongName(DateTimeOffset moment) =>
        IsUtc ? Zone.StandardName : Zone.IsDaylightSavingTime(moment) ? Zone.DaylightName : Zone.StandardName;

    /// <summary>The moment for machines: ISO 8601 in UTC, as a <c>datetime</c> attribute carries it.</summary>
    public static string Iso(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <returns>The zone with this id (IANA, or a Windows id the system maps), or null.</returns>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private string OffsetName(TimeSpan offset) =>
        IsUtc ? UtcId : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// "Central European Time" out of ICU's display name "(UTC+01:00) Central European Time (Zurich)": the name that
    /// holds winter and summer alike; the standard name where the display name has another shape.
    /// </summary>
    private static string GenericName(TimeZoneInfo zone)
    {
        var name = zone.DisplayName;
        if (name.StartsWith('(') && name.IndexOf(") ", StringComparison.Ordinal) is var close and > 0)
        {
            name = name[(close + 2)..];
        }

        if (name.EndsWith(')') && name.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0)
        {
            name = name[..open];
        }

        return string.IsNullOrWhiteSpace(name) ? zone.StandardName : name.Trim();
    }
}
