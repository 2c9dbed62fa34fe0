using System.Data.Common;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Dashboard;

/// <summary>The dashboard pages send a fixed number of SQL commands, however many reports there are.</summary>
public class QueryCountTests(QueryCountTests.CountedApp app) : IClassFixture<QueryCountTests.CountedApp>
{
    private async Task<int> CommandsForAsync(HttpClient client, string url)
    {
        app.Commands.Reset();
        await client.GetDocumentAsync(url);
        return app.Commands.Count;
    }

    private async Task AddReportsAsync(int count)
    {
        await using var db = app.CreateDbContext();
        var stamp = new ChangeStamp("test", DateTimeOffset.UtcNow);
        for (var i = app.ReportsAdded + 1; i <= app.ReportsAdded + count; i++)
        {
            var report = new Report(new ReportSymbol("NOTE", 2019, i), $"Generated report {i}");
            report.Assign(new FocalPoint("Ms.", $"Person {i}", $"U{i}"));
            for (var n = 1; n <= 5; n++)
            {
                var recommendation = report.AddRecommendation(n, $"The executive heads should act by the end of 2020 ({i}.{n}).");
                recommendation.RecordImported(Acceptance.Accepted, n % 2 == 0 ? ImplementationStatus.Implemented : ImplementationStatus.InProgress, $"Comment {n}", stamp);
            }

            db.Reports.Add(report);
        }

        await db.SaveChangesAsync();
        app.ReportsAdded += count;
    }

    [Theory]
    [InlineData("/Dashboard")]
    [InlineData("/Dashboard?from=2019&addressee=executive-heads")]
    [InlineData("/Dashboard/Recommendations?figure=Overdue")]
    [InlineData("/Dashboard/Attention")]
    [InlineData("/Reports")]
    public async Task Page_SendsAsManyCommands_With4And44Reports(string url)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var withSeed = await CommandsForAsync(client, url);

        await AddReportsAsync(40);
        var withMore = await CommandsForAsync(client, url);

        Assert.True(withSeed <= 12, $"{url}: {withSeed} commands:\n{string.Join("\n", app.Commands.Texts)}");
        Assert.Equal(withSeed, withMore);
    }

    /// <summary>The app with every SQL command counted.</summary>
    public sealed class CountedApp : JiuTrackerFactory
    {
        public CommandCounter Commands { get; } = new();

        /// <summary>Generated reports are numbered on from here, so each test adds new ones.</summary>
        public int ReportsAdded { get; set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Commands));
        }
    }

    public sealed class CommandCounter : DbCommandInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();

        public int Count => _texts.Count;

        public IEnumerable<string> Texts => _texts;

        public void Reset() => _texts.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
