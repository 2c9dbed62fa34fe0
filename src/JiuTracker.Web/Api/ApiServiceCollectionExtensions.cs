using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace JiuTracker.Web.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Any signed-in role reads, as on the pages; only with a personal access token.</summary>
    public const string ReadPolicy = "ApiRead";

    /// <summary>Recording statuses and comments: a token with the read-write scope (which reports, the handler asks <see cref="Policies.EditReport"/>).</summary>
    public const string WritePolicy = "ApiWrite";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokens>();
        services.AddScoped<AsOfReads>();
        services.AddSingleton<KeptApiPrincipals>();
        services.AddApiRateLimiting(configuration);
        services.AddApiDocument();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ReadPolicy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.All))
            .AddPolicy(WritePolicy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiTokenAuthentication.ScopeClaim, nameof(ApiTokenScope.ReadWrite)));
        return services;
    }
}
