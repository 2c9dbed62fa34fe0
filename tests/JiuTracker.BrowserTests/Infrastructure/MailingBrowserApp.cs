namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>
/// The app in the browser with a real SMTP server beside it: <see cref="Smtp"/> listens on 127.0.0.1, and the app
/// delivers its outbox there (demo mode included) on a background pass every second.
/// </summary>
public sealed class MailingBrowserApp : IAsyncLifetime, IDisposable
{
    public const string Sender = "jiu-coordinator@jiutracker.local";

    public MailingBrowserApp()
    {
        Smtp = LoopbackSmtpServer.Start();
        App = new BrowserApp(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = Sender,
            ["Email:Outbox:DeliverInDemoMode"] = "true",
            ["FollowUp:CheckEverySeconds"] = "1",
        });
    }

    public LoopbackSmtpServer Smtp { get; }

    public BrowserApp App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public void Dispose() => App.Dispose();
}
