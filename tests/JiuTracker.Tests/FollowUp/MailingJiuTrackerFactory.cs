using JiuTracker.Web.FollowUp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JiuTracker.Tests.FollowUp;

/// <summary>
/// The app in demo mode with its outbox delivering to a real SMTP server on 127.0.0.1 (<see cref="Smtp"/>), on a clock
/// that moves only when a test says so. The background pass runs once a day of that clock; tests run a pass when they
/// want one (<see cref="RunFollowUpAsync"/>), the same pass the timer runs.
/// </summary>
/// <param name="deliverInDemoMode">False for demo mode as it is out of the box: SMTP configured, yet nothing is sent.</param>
public sealed class MailingJiuTrackerFactory(bool deliverInDemoMode = true) : JiuTrackerFactory
{
    public const string Sender = "jiu-coordinator@itu.example";

    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Writes the reminders due by the app's clock and delivers the outbox, as the background pass does.</summary>
    public Task<(int Written, int Sent)> RunFollowUpAsync() => Services.GetRequiredService<FollowUpCycle>().RunOnceAsync(CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:From", Sender);
        builder.UseSetting("Email:Outbox:DeliverInDemoMode", deliverInDemoMode ? "true" : "false");
        builder.UseSetting("FollowUp:CheckEverySeconds", "86400");
        builder.UseSetting("App:PublicUrl", "http://localhost/");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
