using JiuTracker.Web.Data;
using JiuTracker.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>
/// One per test class: the app on its own port and database, and one Chromium. Each test opens its own
/// browser context (cookies, storage) with <see cref="NewSessionAsync"/> or <see cref="SignedInAsync"/>.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime, IDisposable
{
    private readonly ConfiguredFactory _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>The app with further settings, such as an SMTP server to deliver to (<see cref="MailingBrowserApp"/>).</summary>
    internal BrowserApp(IReadOnlyDictionary<string, string?> settings) => _factory = new ConfiguredFactory(settings);

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        Chromium.EnsureInstalled();
        BaseAddress = _factory.Address;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>A fresh browser context, signed in as nobody.</summary>
    public async Task<BrowserSession> NewSessionAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            AcceptDownloads = true,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(10_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>A fresh browser context in which <paramref name="email"/> has signed in through the sign-in page.</summary>
    public async Task<BrowserSession> SignedInAsync(string email)
    {
        var session = await NewSessionAsync();
        await session.SignInAsync(email, DemoData.Password);
        return session;
    }

    public async Task<T> QueryAsync<T>(Func<JiuDbContext, Task<T>> query)
    {
        await using var db = _factory.CreateDbContext();
        return await query(db);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Stops the app once the browser is closed (xunit calls this after <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => _factory.Dispose();

    private sealed class ConfiguredFactory(IReadOnlyDictionary<string, string?> settings) : KestrelJiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
