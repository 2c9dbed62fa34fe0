using Microsoft.AspNetCore.Authentication;

namespace JiuTracker.Web.Security.SingleSignOn;

/// <summary>
/// A provider's answer that cannot be accepted (a wrong issuer or audience, a used code, a changed <c>state</c>, a
/// refusal at the provider) ends on the sign-in page with a message in words, never a server error. The reason itself
/// goes to the log only: it may name what an attacker changed.
/// </summary>
public static partial class SingleSignOnFailure
{
    /// <summary>The sign-in page's <c>?failure=</c> values.</summary>
    public const string Rejected = "sso";
    public const string Denied = "sso-denied";

    public static Task ShowOnSignInPageAsync(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnFailure));
        var deniedAtProvider = context.HttpContext.Request.Query.ContainsKey("error") && context.Failure is not null
            && context.Failure.Message.Contains("access_denied", StringComparison.Ordinal);
        LogRefused(logger, context.Failure, context.Failure?.Message);
        context.Response.Redirect($"{context.Request.PathBase}/Account/Login?failure={(deniedAtProvider ? Denied : Rejected)}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in with the identity provider was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, Exception? failure, string? reason);

    /// <summary>The message for a <c>?failure=</c> value; null for any other value.</summary>
    public static string? MessageFor(string? failure, string provider) => failure switch
    {
        Rejected => $"The sign-in with {provider} was refused: its answer could not be checked (it may have been used already, "
            + "come from another sign-in or taken too long). Nothing was changed. Sign in again; if it keeps failing, tell an administrator.",
        Denied => $"{provider} did not sign you in (it refused, or the sign-in was cancelled). Nothing was changed.",
        _ => null,
    };
}
