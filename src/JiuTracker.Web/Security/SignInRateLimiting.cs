using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Security;

/// <summary>
/// Slows down password guessing: sign-in attempts are limited per client address and minute (the address a trusted
/// proxy forwards, see <c>Hosting/ScaleOut</c>), and per account (<see cref="SignInAttemptsPerAccount"/>).
/// </summary>
public static class SignInRateLimiting
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services) =>
        services.AddSingleton<SignInAttemptsPerAccount>().AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reading");
                }

                var limit = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
}
