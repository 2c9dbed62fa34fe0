using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Validation;

/// <summary>With <c>FollowUp:ValidateImplementation=false</c>, a focal point's Implemented counts at once, as before validation existed.</summary>
public class ValidationTurnedOffTests(ValidationTurnedOffTests.UnvalidatedFactory app) : IClassFixture<ValidationTurnedOffTests.UnvalidatedFactory>
{
    public sealed class UnvalidatedFactory : JiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("FollowUp:ValidateImplementation", "false");
        }
    }

    [Fact]
    public async Task AFocalPointsImplemented_IsRecordedAtOnce_WithNoClaim()
    {
        var id = await app.QueryAsync(db => db.Recommendations
            .Where(r => r.Report.Symbol == SeedReports.Environment && r.InformationOnlyNote == null && r.Implementation != ImplementationStatus.Implemented)
            .OrderBy(r => r.Number).Select(r => r.Id).FirstAsync());
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var response = await focalPoint.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Acceptance"] = "Accepted", ["Input.Implementation"] = "Implemented",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.QueryAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ImplementationStatus.Implemented, false), (stored.Implementation, stored.IsImplementationClaimed));
        var queue = await (await app.SignedInClientAsync(DemoAccounts.Coordinator)).GetDocumentAsync("/Validation");
        Assert.Contains("turned off", queue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(queue.QuerySelector("#queue-empty"));
    }
}
