using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>The app on a clock that starts ten days ago, when the demo data is imported, and moves only when a test says so.</summary>
public class ClockedJiuTrackerFactory : JiuTrackerFactory
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-10);

    // Relative to the real day: cookies the app issues expire by its clock, and the test client drops expired ones by the real one.
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The day the app started, and imported its demo data.</summary>
    public DateOnly StartDay { get; } = DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>The demo data is imported at <see cref="Start"/>, so this app starts on an empty file.</summary>
    protected override bool StartsFromTemplate => false;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The fake clock fires a periodic timer once for every period it skips: at the default minute, moving the clock
        // a year ahead would run half a million passes of the follow-up's background worker. Tests that need a
        // pass run it themselves.
        builder.UseSetting("FollowUp:CheckEverySeconds", "86400");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The clocked app in an organization in Zurich: pages show times in Europe/Zurich, CET in winter and CEST in summer.</summary>
public sealed class ZurichClockedJiuTrackerFactory : ClockedJiuTrackerFactory
{
    public const string TimeZone = "Europe/Zurich";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Organization:TimeZone", TimeZone);
    }
}
