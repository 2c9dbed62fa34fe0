using System.Net;
using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Admin;

/// <summary>Every handler of every page under /Admin, found in the running app, refuses every role but Administrator.</summary>
public class AdminAuthorizationTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    public static TheoryData<string> OtherRoles => [DemoAccounts.Management, DemoAccounts.Auditor, DemoAccounts.AndersNorsker];

    /// <summary>(method, url) of each handler: route values become "1", named handlers get ?handler=Name.</summary>
    private async Task<List<(string Method, string Url)>> AdminHandlersAsync()
    {
        var descriptors = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(d => d.ViewEnginePath.StartsWith("/Admin/", StringComparison.Ordinal))
            .ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<(string, string)>();
        foreach (var descriptor in descriptors)
        {
            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(descriptor.AttributeRouteInfo!.Template!, @"\{[^}]+\}", "1");
            foreach (var handler in compiled.HandlerMethods)
            {
                handlers.Add((handler.HttpMethod.ToUpperInvariant(), handler.Name is null ? path : $"{path}?handler={handler.Name}"));
            }
        }

        return [.. handlers.Distinct()];
    }

    [Fact]
    public async Task TheEnumeration_FindsEveryAdministrationPageAndHandler()
    {
        var handlers = await AdminHandlersAsync();

        foreach (var expected in new[]
        {
            ("GET", "/Admin"), ("GET", "/Admin/Reports/Create"), ("POST", "/Admin/Reports/Edit/1?handler=Assign"),
            ("POST", "/Admin/Recommendations/Paste/1?handler=Save"), ("POST", "/Admin/Recommendations/Edit/1?handler=Withdraw"),
            ("POST", "/Admin/Import?handler=Import"), ("POST", "/Admin/Accounts/Edit/1?handler=Disable"), ("POST", "/Admin/FocalPoints/Edit/1?handler=Link"),
        })
        {
            Assert.Contains(expected, handlers);
        }

        Assert.True(handlers.Count >= 25, $"only {handlers.Count} handlers found");
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task EveryAdminHandler_AsAnyOtherRole_IsForbidden_AndChangesNothing(string email)
    {
        var client = await app.SignedInClientAsync(email);
        // A valid antiforgery token, so a refusal cannot come from a missing token.
        var tokenPage = await client.GetDocumentAsync("/Account/Logout");
        var auditBefore = await app.QueryAsync(db => db.AdminAudit.CountAsync());
        var reportsBefore = await app.QueryAsync(db => db.Reports.CountAsync());

        foreach (var (method, url) in await AdminHandlersAsync())
        {
            var response = method == "GET"
                ? await client.GetAsync(url)
                : await client.SubmitFormAsync(tokenPage, url, new Dictionary<string, string>
                {
                    ["Input.Symbol"] = "JIU/REP/2030/1", ["Input.Title"] = "Forbidden", ["reason"] = "Forbidden", ["Input.Roles"] = "Administrator",
                });

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} as {email} answered {(int)response.StatusCode}");
        }

        Assert.Equal(auditBefore, await app.QueryAsync(db => db.AdminAudit.CountAsync()));
        Assert.Equal(reportsBefore, await app.QueryAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task EveryAdminPage_AsAdministrator_Opens()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var reportId = await app.QueryAsync(db => db.Reports.Select(r => r.Id).FirstAsync());
        var recommendationId = await app.QueryAsync(db => db.Recommendations.Select(r => r.Id).FirstAsync());
        var focalPointId = await app.QueryAsync(db => db.FocalPoints.Select(r => r.Id).FirstAsync());
        var userId = await app.QueryAsync(db => db.Users.Select(u => u.Id).FirstAsync());

        foreach (var (_, url) in (await AdminHandlersAsync()).Where(h => h.Method == "GET"))
        {
            var real = url
                .Replace("/Admin/Reports/Edit/1", $"/Admin/Reports/Edit/{reportId}", StringComparison.Ordinal)
                .Replace("/Recommendations/Add/1", $"/Recommendations/Add/{reportId}", StringComparison.Ordinal)
                .Replace("/Recommendations/Paste/1", $"/Recommendations/Paste/{reportId}", StringComparison.Ordinal)
                .Replace("/Recommendations/Edit/1", $"/Recommendations/Edit/{recommendationId}", StringComparison.Ordinal)
                .Replace("/FocalPoints/Edit/1", $"/FocalPoints/Edit/{focalPointId}", StringComparison.Ordinal)
                .Replace("/Accounts/Edit/1", $"/Accounts/Edit/{userId}", StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(real)).StatusCode);
        }
    }

    [Theory]
    [InlineData(DemoAccounts.Management)]
    [InlineData(DemoAccounts.AndersNorsker)]
    public async Task AuditLog_AsNeitherAdministratorNorAuditor_IsForbidden(string email)
    {
        var client = await app.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Audit")).StatusCode);
    }

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
}
