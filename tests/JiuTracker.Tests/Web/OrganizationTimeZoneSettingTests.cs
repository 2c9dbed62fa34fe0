using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Settings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JiuTracker.Tests.Web;

/// <summary><c>Organization:TimeZone</c>: checked when the app starts, and how a moment reads in the zone it names.</summary>
public sealed class OrganizationTimeZoneSettingTests
{
    private sealed class MisconfiguredJiuTrackerFactory(string zone) : JiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Organization:TimeZone", zone);
        }
    }

    [Theory]
    [InlineData("Europe/Zurch")]
    [InlineData("CET+1")]
    [InlineData(" ")]
    public void AnUnknownZone_StopsTheAppFromStarting_NamingTheSettingAndTheValue(string zone)
    {
        using var app = new MisconfiguredJiuTrackerFactory(zone);

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(refused));
        Assert.Contains($"Organization:TimeZone is \"{zone}\", which is not a time zone this server knows", validation.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Zurich", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zurich_InWinterAndSummer_GivesEachMomentItsOwnOffset_AndNamesTheZone()
    {
        var time = TimeIn("Europe/Zurich");

        Assert.Equal("Central European Time (Europe/Zurich)", time.Name);
        Assert.Equal("2026-12-04 21:45 UTC+01:00", time.Text(new DateTimeOffset(2026, 12, 4, 20, 45, 0, TimeSpan.Zero)));
        Assert.Equal("2027-07-15 12:00:30 UTC+02:00", time.Text(new DateTimeOffset(2027, 7, 15, 10, 0, 30, TimeSpan.Zero), seconds: true));
        // The night the clocks go forward (28 March 2027, 01:00 UTC): a minute before is still winter time.
        Assert.Equal("2027-03-28 01:59 UTC+01:00", time.Text(new DateTimeOffset(2027, 3, 28, 0, 59, 0, TimeSpan.Zero)));
        Assert.Equal("2027-03-28 03:00 UTC+02:00", time.Text(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero)));
        // 23:30 UTC is already the next day in Zurich.
        Assert.Equal(new DateOnly(2026, 12, 5), time.Day(new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    public void Utc_ReadsAsBefore(string? zone)
    {
        var time = TimeIn(zone);

        Assert.Equal(("UTC", "Times are UTC.", "(UTC)"), (time.Name, time.TimesAre, time.DayEndNote));
        Assert.Equal("2026-12-04 20:45 UTC", time.Text(new DateTimeOffset(2026, 12, 4, 21, 45, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void AWesternZone_WritesANegativeOffset()
    {
        var time = TimeIn("America/New_York");

        Assert.Equal("2026-12-04 15:45 UTC-05:00", time.Text(new DateTimeOffset(2026, 12, 4, 20, 45, 0, TimeSpan.Zero)));
    }

    private static OrganizationTime TimeIn(string? zone)
    {
        var settings = zone is null ? [] : new Dictionary<string, string?> { ["Organization:TimeZone"] = zone };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddOrganization(configuration).BuildServiceProvider();
        return provider.GetRequiredService<OrganizationTime>();
    }

    private static T? Innermost<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }
}
