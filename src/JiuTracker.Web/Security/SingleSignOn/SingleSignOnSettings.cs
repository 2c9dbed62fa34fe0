namespace JiuTracker.Web.Security.SingleSignOn;

/// <summary>The start-up check of the sign-in settings: a provider set up wrongly, or passwords off with no provider, stops the app.</summary>
public static class SingleSignOnSettings
{
    public static string? Problem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var singleSignOn = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        var local = configuration.GetSection(LocalSignInOptions.Section).Get<LocalSignInOptions>() ?? new LocalSignInOptions();
        return singleSignOn.Problem() ?? local.Problem(singleSignOn);
    }
}
