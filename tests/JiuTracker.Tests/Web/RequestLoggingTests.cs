using System.Collections.Concurrent;
using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace JiuTracker.Tests.Web;

public class RequestLoggingTests(RequestLoggingTests.LoggedApp app) : IClassFixture<RequestLoggingTests.LoggedApp>
{
    [Fact]
    public async Task EveryRequestLine_CarriesTheSignedInUser()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        app.Events.Clear();

        await client.GetDocumentAsync("/Reports");

        var completion = Assert.Single(app.Events, e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == "\"/Reports\"");
        Assert.Equal($"\"{DemoAccounts.Auditor}\"", completion.Properties["UserName"].ToString());
        Assert.All(app.Events.Where(e => e.Properties.ContainsKey("RequestId")),
            e => Assert.Equal($"\"{DemoAccounts.Auditor}\"", e.Properties["UserName"].ToString()));
    }

    [Fact]
    public async Task AnonymousRequests_AreLoggedAsAnonymous()
    {
        app.Events.Clear();

        await app.CreateBrowserClient().GetAsync("/Reports");

        var completion = Assert.Single(app.Events, e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal));
        Assert.Equal("\"anonymous\"", completion.Properties["UserName"].ToString());
    }

    /// <summary>The app with a sink that keeps every log event, as a console would print them.</summary>
    public sealed class LoggedApp : JiuTrackerFactory, ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(this));
        }
    }
}
