using System.Net.Http.Headers;
using JiuTracker.Web.Api;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Infrastructure;

public static class ApiClients
{
    /// <summary>A personal access token of the account, made as its account page makes one.</summary>
    public static async Task<string> ApiTokenAsync(this JiuTrackerFactory app, string email, ApiTokenScope scope = ApiTokenScope.Read, int days = 30)
    {
        await using var services = app.Services.CreateAsyncScope();
        var user = await services.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account {email}.");
        var now = services.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var (text, problems) = await services.ServiceProvider.GetRequiredService<ApiTokens>()
            .CreateAsync(user.Id, $"Test token {Guid.NewGuid():N}", scope, days, new ChangeStamp(email, now), CancellationToken.None);
        return text ?? throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>Revokes the token as its owner's tokens page does (<see cref="ApiTokens.RevokeAsync"/>).</summary>
    public static async Task RevokeApiTokenAsync(this JiuTrackerFactory app, string email, string token)
    {
        await using var services = app.Services.CreateAsyncScope();
        var user = await services.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account {email}.");
        var tokens = services.ServiceProvider.GetRequiredService<ApiTokens>();
        var id = (await tokens.OfAsync(user.Id, CancellationToken.None)).Single(t => token.StartsWith(t.Start, StringComparison.Ordinal) && t.RevokedAt is null).Id;
        var now = services.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await tokens.RevokeAsync(id, user.Id, email, new ChangeStamp(email, now), CancellationToken.None) is { } refused)
        {
            throw new InvalidOperationException(refused);
        }
    }

    /// <summary>A client of the API (no cookies) sending <paramref name="token"/> as a bearer token.</summary>
    public static HttpClient ApiClient(this JiuTrackerFactory app, string? token)
    {
        var client = app.CreateBrowserClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The recommendation's ETag, as <c>GET /api/v1/recommendations/{id}</c> gives it.</summary>
    public static async Task<string> ETagAsync(this HttpClient api, int id)
    {
        var response = await api.GetAsync($"/api/v1/recommendations/{id}");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"GET of recommendation {id} has no ETag.");
    }

    /// <summary><c>PATCH /api/v1/recommendations/{id}</c> with a JSON body (text as given) and, unless null, <c>If-Match</c>.</summary>
    public static Task<HttpResponseMessage> PatchRecommendationAsync(this HttpClient api, int id, string json, string? ifMatch, string mediaType = "application/merge-patch+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/recommendations/{id}")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, mediaType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return api.SendAsync(request);
    }

    public static async Task<HttpClient> ApiClientAsync(this JiuTrackerFactory app, string email, ApiTokenScope scope = ApiTokenScope.Read) =>
        app.ApiClient(await app.ApiTokenAsync(email, scope));
}
