using System.Net;
using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

public class ProductionStartTests(ProductionJiuTrackerFactory app) : IClassFixture<ProductionJiuTrackerFactory>
{
    [Fact]
    public async Task Start_OutsideDemoMode_CreatesTheSchemaAndRoles_ButNoDemoDataOrAccounts()
    {
        var response = await app.CreateBrowserClient().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["Administrator", "Auditor", "Coordinator", "FocalPoint", "Management"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Reports.CountAsync());
    }

    [Fact]
    public async Task SignIn_WithADemoAccount_OutsideDemoMode_IsRefused()
    {
        var client = app.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Admin,
            ["Input.Password"] = "JiuTracker-Demo-2026",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Reports")).StatusCode);
    }
}
