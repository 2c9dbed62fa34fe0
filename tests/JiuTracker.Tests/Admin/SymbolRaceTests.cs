using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

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
        var symbol = Contest("JIU/REP/2030/7");
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
        var symbol = Contest("JIU/REP/2030/8");
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var id = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == SeedReports.Cybersecurity).Select(r => r.Id).SingleAsync());

        var response = await client.SubmitFormAsync($"/Admin/Reports/Edit/{id}", new Dictionary<string, string> { ["Input.Symbol"] = symbol });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains($"{symbol} is already registered", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SeedReports.Cybersecurity, await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Symbol).SingleAsync()));
    }

    /// <summary>Another administrator registers the symbol just before this request's save of it.</summary>
    private string Contest(string symbol)
    {
        app.Race.Before(
            saving => saving.ChangeTracker.Entries<Report>().Any(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.Symbol == symbol),
            async other =>
            {
                Assert.True(ReportSymbol.TryParse(symbol, out var parsed));
                other.Reports.Add(new Report(parsed, "Registered first"));
                await other.SaveChangesAsync();
            });
        return symbol;
    }
}
