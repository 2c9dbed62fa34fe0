using Microsoft.AspNetCore.Hosting;

namespace JiuTracker.Tests.Oidc;

/// <summary>
/// The app on a real Kestrel port with single sign-on set up against a real <see cref="OpenIdProvider"/> on
/// 127.0.0.1, both started once per test class: the redirects between them go over the network as a browser's do.
/// </summary>
public class SingleSignOnApp : IAsyncLifetime, IDisposable
{
    public const string Organization = OpenIdProvider.Organization;

    public SingleSignOnApp()
    {
        App = new Factory(this);
    }

    public OpenIdProvider Provider { get; } = new();

    public Factory App { get; }

    /// <summary>The authority the app trusts: the provider's issuer, unless a test class says otherwise.</summary>
    protected virtual Uri Authority => Provider.Issuer;

    /// <summary>Further settings of a test class's app.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Provider.AddClient(App.Address);
        await Provider.StartAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        App.Dispose();
        Provider.Dispose();
        GC.SuppressFinalize(this);
    }

    public sealed class Factory(SingleSignOnApp owner) : KestrelJiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in owner.Provider.AppSettings(owner.Authority))
            {
                builder.UseSetting(key, value);
            }

            foreach (var (key, value) in owner.Settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>Passwords turned off, the demo administrator kept as the break-glass account.</summary>
public sealed class PasswordsOffApp : SingleSignOnApp
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Authentication:LocalAccounts"] = "false",
        ["Authentication:BreakGlassAccount"] = DemoAccounts.Admin,
    };
}

/// <summary>An app that trusts an issuer the provider's tokens do not come from.</summary>
public sealed class ImpostorIssuerApp : SingleSignOnApp
{
    protected override Uri Authority => Provider.ImpostorAuthority;
}
