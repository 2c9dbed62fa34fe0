using JiuTracker.Web.Data;
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
public class MailingJiuTrackerFactory : JiuTrackerFactory
{
    public const string Sender = "jiu-coordinator@itu.example";

    private readonly bool _deliverInDemoMode;

    /// <summary>Delivering in demo mode; also the class fixture's constructor.</summary>
    public MailingJiuTrackerFactory()
        : this(deliverInDemoMode: true)
    {
    }

    /// <summary>Demo mode as it is out of the box: SMTP configured, yet nothing is sent.</summary>
    public static MailingJiuTrackerFactory NotDeliveringInDemoMode() => new(deliverInDemoMode: false);

    private MailingJiuTrackerFactory(bool deliverInDemoMode)
    {
        _deliverInDemoMode = deliverInDemoMode;
        Smtp = LoopbackSmtpServer.Start();
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    /// <summary>On a database given (that outlives the app), an SMTP server and a clock, possibly those of an earlier app that was stopped.</summary>
    protected MailingJiuTrackerFactory(DatabaseConnection database, LoopbackSmtpServer smtp, FakeTimeProvider clock)
        : base(database)
    {
        _deliverInDemoMode = true;
        Smtp = smtp;
        Clock = clock;
    }

    public LoopbackSmtpServer Smtp { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The app on a new database of the test run's PostgreSQL server, which stays when the app is stopped.</summary>
    public static MailingJiuTrackerFactory OnPostgreSql() =>
        new(DatabaseConnection.PostgreSql(PostgreSqlServer.CreateDatabase()), LoopbackSmtpServer.Start(), new FakeTimeProvider(DateTimeOffset.UtcNow));

    /// <summary>A new app on this one's database, SMTP server and clock, for after this one is stopped (a restart); PostgreSQL only, as a SQLite file goes with its app.</summary>
    public MailingJiuTrackerFactory Restarted()
    {
        // The SMTP server outlives this app: the restarted one stops it.
        _ownsSmtp = false;
        return new MailingJiuTrackerFactory(Database, Smtp, Clock);
    }

    private bool _ownsSmtp = true;

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
        builder.UseSetting("Email:Outbox:DeliverInDemoMode", _deliverInDemoMode ? "true" : "false");
        builder.UseSetting("FollowUp:CheckEverySeconds", "86400");
        builder.UseSetting("App:PublicUrl", "http://localhost/");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsSmtp)
        {
            await Smtp.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same on a new database of the test run's PostgreSQL server, as a class fixture.</summary>
public sealed class MailingPostgreSqlJiuTrackerFactory()
    : MailingJiuTrackerFactory(DatabaseConnection.PostgreSql(PostgreSqlServer.CreateDatabase()), LoopbackSmtpServer.Start(), new FakeTimeProvider(DateTimeOffset.UtcNow));
