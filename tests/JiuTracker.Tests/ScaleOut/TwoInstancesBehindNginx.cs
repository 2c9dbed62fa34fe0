using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Data;

namespace JiuTracker.Tests.ScaleOut;

/// <summary>Two app instances on one PostgreSQL database, round-robin behind nginx, all on 127.0.0.1.</summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jiutracker-tests", Guid.NewGuid().ToString("N"));
    private AppInstance[] _instances = [];

    public DatabaseConnection Database { get; } = DatabaseConnection.PostgreSql(PostgreSqlServer.CreateDatabase());

    public NginxProxy Proxy { get; private set; } = null!;

    /// <summary>The SMTP server both instances' outboxes deliver to; each instance runs its pass every second.</summary>
    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var mail = new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "jiu-coordinator@itu.example",
            ["Email:Outbox:DeliverInDemoMode"] = "true",
            ["FollowUp:CheckEverySeconds"] = "1",
        };
        _instances = [new AppInstance("first", Database.ConnectionString, mail), new AppInstance("second", Database.ConnectionString, mail)];
        // The first migrates the empty database and adds the demo data; the second finds both done.
        foreach (var instance in _instances)
        {
            await instance.StartAsync();
        }

        Proxy = new NginxProxy(_folder, [.. _instances.Select(i => i.Address)]);
        await Proxy.StartAsync();
    }

    /// <summary>The instances' "127.0.0.1:port", as nginx names them.</summary>
    public IReadOnlyList<string> Instances => [.. _instances.Select(i => i.Address.Authority)];

    public string OtherThan(string instance) => Instances.Single(i => i != instance);

    /// <summary>A client that speaks to the proxy; it keeps its cookies in <paramref name="cookies"/>.</summary>
    public HttpClient ProxyClient(CookieContainer cookies) => Client(Proxy.Address, cookies);

    /// <summary>A client that speaks to one instance directly, e.g. with the cookies the proxy's client was given.</summary>
    public static HttpClient InstanceClient(string instance, CookieContainer cookies) => Client(new Uri($"http://{instance}/"), cookies);

    // Cookies belong to a host, not a port: one container serves the proxy and both instances, as a browser would.
    private static HttpClient Client(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = address };

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Smtp.DisposeAsync();

        Directory.Delete(_folder, recursive: true);
    }
}
