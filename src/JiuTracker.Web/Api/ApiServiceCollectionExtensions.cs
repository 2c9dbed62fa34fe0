using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace JiuTracker.Web.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Any signed-in role reads, as on the pages; only with a personal access token.</summary>
    public const string ReadPolicy = "ApiRead";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokens>();
        services.AddApiRateLimiting(configuration);
        services.AddApiDocument();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ReadPolicy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.All));
        return services;
    }
}
