namespace JiuTracker.Web.Domain;

/// <summary>Who makes a change and when; every history entry carries one.</summary>
public readonly record struct ChangeStamp(string By, DateTimeOffset At);
