using JiuTracker.Web.Email;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// One pass of the follow-up's background work: write the reminders that are due, then deliver what the outbox holds
/// (unless sending is off: no SMTP server configured, or demo mode). <see cref="FollowUpWorker"/> runs it on a timer;
/// passes never overlap within an instance, and instances share the work through the database (decision 030).
/// </summary>
public sealed class FollowUpCycle(IServiceScopeFactory scopes, TimeProvider time, IOptions<EmailOptions> email, IOptions<OutboxOptions> outbox, IHostEnvironment environment) : IDisposable
{
    private readonly SemaphoreSlim _onePass = new(1, 1);

    /// <summary>Whether this instance delivers e-mail: SMTP is configured, and it is not demo mode (or demo mode is told to).</summary>
    public bool Sends => email.Value.IsConfigured && (!environment.IsDevelopment() || outbox.Value.DeliverInDemoMode);

    /// <returns>How many reminders were written and how many messages were sent.</returns>
    public async Task<(int Written, int Sent)> RunOnceAsync(CancellationToken ct)
    {
        await _onePass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var written = await scope.ServiceProvider.GetRequiredService<RoundReminders>().WriteDueAsync(time.GetUtcNow(), ct);
            var sent = Sends ? await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(ct) : 0;
            return (written, sent);
        }
        finally
        {
            _onePass.Release();
        }
    }

    public void Dispose() => _onePass.Dispose();
}
