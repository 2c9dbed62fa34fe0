using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Security;

/// <summary>
/// Slows down guessing one account's password from many addresses: sign-in attempts are limited per e-mail address
/// posted and minute, whether the account exists or not (so the limit reveals nothing). The per-address limit
/// (<see cref="SignInRateLimiting"/>) still applies first.
/// </summary>
public sealed class SignInAttemptsPerAccount(IOptions<SecurityOptions> options) : IDisposable
{
    public const string RefusedMessage = "Too many sign-in attempts were made for this e-mail address in the last minute. Wait a minute, then try again.";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAttemptsPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when one more attempt for <paramref name="normalizedEmail"/> is allowed this minute.</summary>
    public bool TryAttempt(string normalizedEmail)
    {
        using var lease = _limiter.AttemptAcquire(normalizedEmail);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
