using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Security;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Identity with roles, a cookie sign-in, and sign-in required everywhere unless a page says otherwise.</summary>
    public static IServiceCollection AddAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<JiuDbContext>()
            .AddUserManager<ClockedUserManager>()
            .AddDefaultTokenProviders();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>, IHostEnvironment>((options, security, environment) =>
            {
                options.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.IdleTimeoutMinutes);
                options.SlidingExpiration = true;
                options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            });
        services.AddAntiforgery(options =>
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.Cookie.Name = "JiuTracker.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Events.OnSigningIn = DataVersionSecurityStampValidator.RecordAtSignInAsync;
            // A refusal is a 403 from the server; the status-code page explains it to a person.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.EditReport, policy => policy.AddRequirements(new EditReportRequirement()))
            .AddPolicy(Policies.RecordStatuses, policy => policy.RequireAssertion(context => EditableReports.MayEditSome(context.User)))
            .AddPolicy(Policies.Administer, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.RunFollowUp, policy => policy.RequireRole(Roles.Administrator, Roles.Coordinator))
            .AddPolicy(Policies.ReadAudit, policy => policy.RequireRole(Roles.Administrator, Roles.Auditor));

        // Sessions check the account's security stamp at their next request after an account change (the data version
        // says so), else at most every AccountCheckSeconds: sign-out, a reset password or a disabled account end the
        // session at once, and requests cost no account query meanwhile (decision 022).
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SecurityOptions>>((options, security) => options.ValidationInterval = TimeSpan.FromSeconds(security.Value.AccountCheckSeconds));
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, DataVersionSecurityStampValidator>());
        services.AddScoped<AccountAdministration>();
        services.AddScoped<EditableReports>();
        services.AddScoped<IAuthorizationHandler, EditReportHandler>();
        return services;
    }
}
