using Serilog;
using Serilog.Context;

namespace JiuTracker.Web.Logging;

public static class RequestUserLogging
{
    private const string UserNameProperty = "UserName";

    /// <summary>Serilog configured from the "Serilog" section of the configuration.</summary>
    public static IServiceCollection AddJiuTrackerLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog(preserveStaticLogger: true, configureLogger: (provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext());

    /// <summary>One summary line per request, carrying the user, as do all lines logged while it runs.</summary>
    public static IApplicationBuilder UseRequestLoggingWithUser(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This app's own logger, not the process-wide static one (several hosts can share a process).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set(UserNameProperty, UserNameOf(http));
        });

    /// <summary>Put after authentication, so the user is known.</summary>
    public static IApplicationBuilder UseUserInLogContext(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            using (LogContext.PushProperty(UserNameProperty, UserNameOf(http)))
            {
                await next(http);
            }
        });

    private static string UserNameOf(HttpContext http) => http.User.Identity?.Name ?? "anonymous";
}
