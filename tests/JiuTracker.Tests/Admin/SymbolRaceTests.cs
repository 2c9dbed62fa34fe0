using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Admin;

/// <summary>
/// Two administrators register the same symbol at once: the second save passes the form's check but meets the unique
/// index. It gets the form back with the "already registered" message, and nothing of it is saved.
/// </summary>
public class SymbolRaceTests(RacingFactory app) : IClassFixture<RacingFactory>
{
    [Fact]
    public async Task Create_WhenTheSymbolIsRegisteredMeanwhile_ShowsAlreadyRegistered_AndSavesNothing()
    {
        var symbol = app.Race.Contest("JIU/REP/2030/7");
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var audit = await app.QueryAsync(db => db.AdminAudit.CountAsync());

        var response = await client.SubmitFormAsync("/Admin/Reports/Create", new Dictionary<string, string>
        {
            ["Input.Symbol"] = symbol, ["Input.Title"] = "Second registration", ["Input.CebComments"] = "NotYetAvailable",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains($"{symbol} is already registered", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Registered first"], await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == symbol).Select(r => r.Title).ToListAsync()));
        Assert.Equal(audit, await app.QueryAsync(db => db.AdminAudit.CountAsync()));
    }

    [Fact]
    public async Task Edit_WhenTheNewSymbolIsRegisteredMeanwhile_ShowsAlreadyRegistered_AndKeepsTheReportAsItWas()
    {
        var symbol = app.Race.Contest("JIU/REP/2030/8");
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == SeedReports.Cybersecurity).Select(r => r.Id).SingleAsync());

        var response = await client.SubmitFormAsync($"/Admin/Reports/Edit/{id}", new Dictionary<string, string> { ["Input.Symbol"] = symbol });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains($"{symbol} is already registered", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SeedReports.Cybersecurity, await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Symbol).SingleAsync()));
    }
}

/// <summary>The app, with another administrator's registration landing just before a save of a contested symbol.</summary>
public class RacingFactory : JiuTrackerFactory
{
    public RacingFactory() => Race = new(this);

    public RegistrationRace Race { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Race));
    }
}

public sealed class RegistrationRace(JiuTrackerFactory app) : SaveChangesInterceptor
{
    private string? _contested;

    public string Contest(string symbol) => _contested = symbol;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var saving = eventData.Context!.ChangeTracker.Entries<Report>().Any(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.Symbol == _contested);
        if (saving && ReportSymbol.TryParse(Interlocked.Exchange(ref _contested, null), out var symbol))
        {
            await using var other = app.CreateDbContext();
            other.Reports.Add(new Report(symbol, "Registered first"));
            await other.SaveChangesAsync(cancellationToken);
        }

        return result;
    }
}

public sealed class PostgreSqlRacingFactory : RacingFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
