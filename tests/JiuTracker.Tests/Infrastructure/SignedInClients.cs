namespace JiuTracker.Tests.Infrastructure;

public static class SignedInClients
{
    /// <summary>A browser-like client of the app (cookies kept, redirects not followed), signed in as the account.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this JiuTrackerFactory app, string email)
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email);
        return client;
    }
}
