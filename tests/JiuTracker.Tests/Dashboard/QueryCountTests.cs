using System.Data.Common;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Dashboard;

/// <summary>
/// Every page that lists or counts recommendations sends a fixed number of SQL commands, however many reports there
/// are. Reports are added before each count, so the dashboard's figures are counted afresh both times, not cached.
/// </summary>
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
    [InlineData("/Dashboard/Attention?from=2019&p=2")]
    [InlineData("/Reports")]
    [InlineData("/Reports?p=2")]
    [InlineData("/Reports/Details/1")]
    [InlineData("/Reports/Details/1?asOf=2026-01-01")]
    [InlineData("/Recommendations/History/1")]
    public async Task Page_SendsAsManyCommands_WithFewAndManyReports(string url)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        await AddReportsAsync(1);
        var withFew = await CommandsForAsync(client, url);

        await AddReportsAsync(60);
        var withMore = await CommandsForAsync(client, url);

        // Up to 5 for the account check (every request in tests), 3 for the filter form, 1 for the data version, 3 for the
        // figures, 3 for a page of the needs-attention list (its ids, its rows, their focal points).
        Assert.True(withFew <= 15, $"{url}: {withFew} commands:\n{string.Join("\n", app.Commands.Texts)}");
        Assert.Equal(withFew, withMore);
    }

    [Fact]
    public async Task Dashboard_CountedOnce_IsNotCountedAgainUntilTheDataChanges()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        await AddReportsAsync(1);
        var counted = await CommandsForAsync(client, "/Dashboard");
        var again = await CommandsForAsync(client, "/Dashboard");

        await AddReportsAsync(1);
        var afterChange = await CommandsForAsync(client, "/Dashboard");

        Assert.True(again < counted, $"{again} commands the second time, {counted} the first");
        Assert.Equal(counted, afterChange);
    }

    /// <summary>The app with every SQL command counted.</summary>
    public class CountedApp : JiuTrackerFactory
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

    /// <summary>The app on the test run's PostgreSQL server, with every SQL command counted.</summary>
    public sealed class PostgreSqlCountedApp : CountedApp
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
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

        public override InterceptionResult<DbDataReader> ReaderExecuting(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _texts.Enqueue(command.CommandText);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            _texts.Enqueue(command.CommandText);
            return base.ScalarExecuting(command, eventData, result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            _texts.Enqueue(command.CommandText);
            return base.NonQueryExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
