namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>
/// The app in the browser with single sign-on against a real OpenID provider on 127.0.0.1 (<see cref="OpenIdProvider"/>,
/// its own sign-in page): the browser goes to the provider and back as it would to the organization's.
/// </summary>
public sealed class SingleSignOnBrowserApp : IAsyncLifetime, IDisposable
{
    public SingleSignOnBrowserApp()
    {
        App = new BrowserApp(Provider.AppSettings());
    }

    public OpenIdProvider Provider { get; } = new();

    public BrowserApp App { get; }

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Provider.AddClient(App.BaseAddress);
        await Provider.StartAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();

    public void Dispose()
    {
        App.Dispose();
        Provider.Dispose();
    }
}
