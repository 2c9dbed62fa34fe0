using System.Globalization;
using System.Net;
using JiuTracker.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Security;

/// <summary>
/// Walks the whole <see cref="AuthorizationMatrix"/> over HTTP: every page handler and endpoint the app has, as every
/// principal. Allowed requests are served; refused ones get a 403 (or the sign-in page when anonymous) and change nothing.
/// </summary>
public class AuthorizationMatrixTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private const string SignOut = "POST /Account/Logout";

    [Fact]
    public async Task EveryHandlerOfTheApp_HasAnEntryInTheMatrix_AndEveryEntryIsAHandler()
    {
        var names = (await AppEndpoints.AllAsync(app.Services)).Select(e => e.Name).ToList();

        Assert.Empty(names.Except(AuthorizationMatrix.Entries.Keys));
        Assert.Empty(AuthorizationMatrix.Entries.Keys.Except(names));
    }

    [Fact]
    public async Task TheEnumeration_FindsPagesNamedAndUnnamedHandlersAndMappedEndpoints()
    {
        var names = (await AppEndpoints.AllAsync(app.Services)).Select(e => e.Name).ToList();

        Assert.Contains("GET /Reports/Details", names);
        Assert.Contains("POST /Recommendations/Edit", names);
        Assert.Contains("POST /Admin/Recommendations/Paste?handler=Save", names);
        Assert.Contains("GET /export/jiu-status.xlsx", names);
        Assert.Contains("GET /health/ready", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".css", StringComparison.Ordinal) || n.EndsWith(".js", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Principal.Anonymous)]
    [InlineData(Principal.Management)]
    [InlineData(Principal.Auditor)]
    [InlineData(Principal.ReportFocalPoint)]
    [InlineData(Principal.OtherFocalPoint)]
    [InlineData(Principal.Administrator)]
    [InlineData(Principal.Coordinator)]
    public async Task EveryHandler_AsThisPrincipal_IsServedOrRefusedAsTheMatrixSays(Principal principal)
    {
        var client = await ClientForAsync(principal);
        var token = await client.AntiforgeryTokenAsync(principal == Principal.Anonymous ? "/Account/Login" : "/Account/Logout");
        var valueOf = await app.SampleRouteValuesAsync();
        // The API takes no cookie: its requests carry a personal access token of the same account; its writes a read-write one.
        using var reader = app.ApiClient(principal == Principal.Anonymous ? null : await app.ApiTokenAsync(EmailOf(principal)));
        using var writer = app.ApiClient(principal == Principal.Anonymous ? null : await app.ApiTokenAsync(EmailOf(principal), ApiTokenScope.ReadWrite));
        HttpClient ClientOf(AppEndpoint endpoint) => !IsApi(endpoint) ? client : endpoint.Method == HttpMethods.Get ? reader : writer;
        // Signing out ends the walk, so it comes last.
        var endpoints = (await AppEndpoints.AllAsync(app.Services))
            .OrderBy(e => e.Name == SignOut)
            .ToList();
        var refused = endpoints.Where(e => !Allows(e, principal)).ToList();
        var before = await app.RowCountsAsync();

        var failures = new List<string>();
        foreach (var endpoint in refused)
        {
            var response = await SendAsync(ClientOf(endpoint), endpoint, valueOf, token);
            if (!IsRefusal(response, principal, endpoint))
            {
                failures.Add($"{endpoint.Name} should be refused, but answered {Describe(response)}");
            }
        }

        Assert.Equal(before, await app.RowCountsAsync());

        foreach (var endpoint in endpoints.Except(refused))
        {
            var response = await SendAsync(ClientOf(endpoint), endpoint, valueOf, token);
            if (!IsServed(response, endpoint))
            {
                failures.Add($"{endpoint.Name} should be served, but answered {Describe(response)}");
            }
        }

        Assert.True(failures.Count == 0, $"As {principal}:\n{string.Join("\n", failures)}");
    }

    /// <summary>Methods no page has a handler for: each is refused before it reaches one.</summary>
    private static readonly string[] OtherMethods = ["PUT", "PATCH", "DELETE", "OPTIONS", "FOO"];

    [Theory]
    [InlineData(Principal.Anonymous)]
    [InlineData(Principal.OtherFocalPoint)]
    [InlineData(Principal.Administrator)]
    public async Task EveryPage_WithAMethodOtherThanGetHeadOrPost_AnswersMethodNotAllowed_AndChangesNothing(Principal principal)
    {
        var client = await ClientForAsync(principal);
        var token = await client.AntiforgeryTokenAsync(principal == Principal.Anonymous ? "/Account/Login" : "/Account/Logout");
        var valueOf = await app.SampleRouteValuesAsync();
        var pages = (await AppEndpoints.AllAsync(app.Services))
            .Where(e => e is { Method: "GET", Handler: null } && !e.Page.StartsWith("/export/", StringComparison.Ordinal) && !e.Page.StartsWith("/health/", StringComparison.Ordinal)
                && !IsApi(e) && !e.Page.StartsWith("/openapi/", StringComparison.Ordinal))
            .ToList();
        var before = await app.RowCountsAsync();

        var failures = new List<string>();
        foreach (var page in pages)
        {
            foreach (var method in OtherMethods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), page.Url(name => valueOf(page, name)))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
                };
                var response = await client.SendAsync(request);
                var allow = string.Join(", ", response.Content.Headers.Allow);
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed || allow != "GET, HEAD, POST")
                {
                    failures.Add($"{method} {page.Page} answered {Describe(response)} (Allow: {allow})");
                }
            }
        }

        Assert.Equal(before, await app.RowCountsAsync());
        Assert.True(failures.Count == 0, $"As {principal}:\n{string.Join("\n", failures)}");
    }

    private static bool Allows(AppEndpoint endpoint, Principal principal) =>
        AuthorizationMatrix.Entries.TryGetValue(endpoint.Name, out var allowed)
            ? allowed.HasFlag(principal)
            : throw new InvalidOperationException($"{endpoint.Name} has no entry in the authorization matrix.");

    private static bool IsApi(AppEndpoint endpoint) => endpoint.Page.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>Anonymous requests are sent to the sign-in page, or, on the API, answered 401 with a problem; others get a 403 (a problem on the API).</summary>
    private static bool IsRefusal(HttpResponseMessage response, Principal principal, AppEndpoint endpoint) =>
        principal != Principal.Anonymous ? response.StatusCode == HttpStatusCode.Forbidden
            && (!IsApi(endpoint) || response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        : IsApi(endpoint) ? response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        : IsSentToSignIn(response);

    /// <summary>
    /// A page or file is shown, or a form comes back (with its messages), is refused as bad input or is done; signing
    /// out is done when it leads to the sign-in page.
    /// </summary>
    private static bool IsServed(HttpResponseMessage response, AppEndpoint endpoint) =>
        endpoint.Name == SignOut
            ? IsSentToSignIn(response)
            : response.StatusCode == HttpStatusCode.OK
        || (response.StatusCode == HttpStatusCode.Redirect && !IsSentToSignIn(response))
        || (endpoint.IsPost && response.StatusCode == HttpStatusCode.BadRequest);

    private static bool IsSentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal);

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? $" to {location}" : "")}";

    /// <summary>A form post with its antiforgery token, an API change that changes nothing on the current version, or a GET.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, AppEndpoint endpoint, Func<AppEndpoint, string, string> valueOf, string token)
    {
        var url = endpoint.Url(name => valueOf(endpoint, name));
        if (endpoint.Method == HttpMethods.Patch)
        {
            var id = int.Parse(url.Split('/')[^1], CultureInfo.InvariantCulture);
            var version = await app.QueryAsync(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
            return await client.PatchRecommendationAsync(id, "{}", RecommendationETag.Of(id, version));
        }

        return endpoint.IsPost
            ? await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
            : await client.GetAsync(url);
    }

    private async Task<HttpClient> ClientForAsync(Principal principal) =>
        principal == Principal.Anonymous ? app.CreateBrowserClient() : await app.SignedInClientAsync(EmailOf(principal));

    private static string EmailOf(Principal principal) => principal switch
    {
        Principal.Administrator => DemoAccounts.Admin,
        Principal.Management => DemoAccounts.Management,
        Principal.Auditor => DemoAccounts.Auditor,
        Principal.ReportFocalPoint => DemoAccounts.AndersNorsker,
        Principal.OtherFocalPoint => DemoAccounts.CosmasZavazava,
        Principal.Coordinator => DemoAccounts.Coordinator,
        _ => throw new ArgumentOutOfRangeException(nameof(principal), principal, "Not a single signed-in principal."),
    };
}
