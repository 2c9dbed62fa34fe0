namespace JiuTracker.Web.Domain;

/// <summary>Where a day ends, for everything "as of the end of" a day: the statuses recorded before that moment count.</summary>
public static class DayEnd
{
    /// <summary>The first moment after <paramref name="day"/>, in UTC (the register's times are UTC).</summary>
    public static DateTimeOffset Of(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
