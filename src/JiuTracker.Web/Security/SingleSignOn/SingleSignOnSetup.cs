using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace JiuTracker.Web.Security.SingleSignOn;

/// <summary>
/// The OpenID Connect scheme, when <c>Authentication:Oidc:Authority</c> is set: the authorization-code flow with PKCE,
/// the answer into Identity's external cookie, and <c>/Account/Login?handler=Callback</c> makes the session (decision 042).
/// </summary>
public static class SingleSignOnSetup
{
    /// <summary>The authentication property that carries the ID token from the sign-in to the sign-out (the provider's hint).</summary>
    public const string IdTokenItem = "jiu.id-token";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var singleSignOn = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        services.Configure<SingleSignOnOptions>(configuration.GetSection(SingleSignOnOptions.Section));
        services.Configure<LocalSignInOptions>(configuration.GetSection(LocalSignInOptions.Section));
        services.AddScoped<SingleSignOnAccounts>();
        if (!singleSignOn.IsEnabled)
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(SingleSignOnOptions.Scheme, singleSignOn.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = singleSignOn.Authority;
            options.ClientId = singleSignOn.ClientId;
            options.ClientSecret = singleSignOn.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the address (a top-level GET), so the correlation cookie needs only SameSite=Lax;
            // PKCE makes a code seen in the address useless to anyone else.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.RequireHttpsMetadata = !singleSignOn.IsLoopbackAuthority;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false;
            options.SaveTokens = true;
            options.Scope.Clear();
            foreach (var scope in singleSignOn.ScopeList)
            {
                options.Scope.Add(scope);
            }

            options.ClaimActions.MapJsonKey(singleSignOn.RoleClaim, singleSignOn.RoleClaim);
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = singleSignOn.RoleClaim;
            options.SignedOutRedirectUri = "/Account/Login";
            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                // Only a provider on this machine (the tests') is reached over plain HTTP; anywhere else the cookies are Secure.
                cookie.SecurePolicy = singleSignOn.IsLoopbackAuthority ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            }

            options.Events.OnTokenValidated = context =>
            {
                // The issuer the account is linked by, from the validated ID token itself.
                if (context.Principal?.Identity is ClaimsIdentity identity && context.SecurityToken?.Issuer is { Length: > 0 } issuer)
                {
                    identity.AddClaim(new Claim(SingleSignOnAccounts.IssuerClaim, issuer));
                }

                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = SingleSignOnFailure.ShowOnSignInPageAsync;
            options.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Items.TryGetValue(IdTokenItem, out var idToken) && !string.IsNullOrEmpty(idToken))
                {
                    context.ProtocolMessage.IdTokenHint = idToken;
                }

                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Whether the provider offers an end-session endpoint, so that signing out of JiuTracker signs out there too.</summary>
    public static async Task<bool> OffersEndSessionAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var monitor = http.RequestServices.GetService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIdConnectOptions>>();
        if (monitor?.Get(SingleSignOnOptions.Scheme) is not { ConfigurationManager: { } manager })
        {
            return false;
        }

        try
        {
            var configuration = await manager.GetConfigurationAsync(http.RequestAborted);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (InvalidOperationException)
        {
            // The provider cannot be reached now: the local session ends anyway.
            return false;
        }
    }
}
