using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests a token may make in a minute; more are answered 429 with the seconds to wait.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

/// <summary>
/// The API's rate limit, per token: each distinct bearer token has its own window (the limiter runs before
/// authentication, so the partition is the SHA-256 of the presented header, never the token itself); requests without
/// one share a single window. A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class ApiRateLimiting
{
    public const string Policy = "api";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(options => options.RequestsPerMinute is >= 1 and <= 1_000_000, "Api:RequestsPerMinute must be between 1 and 1000000.")
            .ValidateOnStart();
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy(Policy, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
                string? header = http.Request.Headers.Authorization;
                var key = string.IsNullOrEmpty(header) ? "no token" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
                return RateLimitPartition.GetFixedWindowLimiter(key,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            var earlier = options.OnRejected;
            options.OnRejected = async (context, ct) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments(ApiEndpoints.Root, StringComparison.Ordinal))
                {
                    if (earlier is not null)
                    {
                        await earlier(context, ct);
                    }

                    return;
                }

                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This token may make {limit} requests a minute; wait {seconds} s, then try again.");
            };
        });
        return services;
    }
}
