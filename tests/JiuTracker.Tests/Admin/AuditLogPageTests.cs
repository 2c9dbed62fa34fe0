using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Admin;

/// <summary>The audit log's place in the menu; who may open it is in the authorization matrix.</summary>
public class AuditLogPageTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData(DemoAccounts.Admin)]
    [InlineData(DemoAccounts.Auditor)]
    public async Task AuditLog_AsAdministratorOrAuditor_Opens_AndIsInTheMenu(string email)
    {
        var client = await app.SignedInClientAsync(email);

        var page = await client.GetDocumentAsync("/Audit");

        Assert.Contains("Audit log", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("header a[href='/Audit']"));
    }

    [Theory]
    [InlineData(DemoAccounts.Management)]
    [InlineData(DemoAccounts.AndersNorsker)]
    public async Task AuditLog_IsNotInTheMenu_OfThoseWhoMayNotOpenIt(string email)
    {
        var client = await app.SignedInClientAsync(email);

        var page = await client.GetDocumentAsync("/Reports");

        Assert.Null(page.QuerySelector("header a[href='/Audit']"));
    }
}
