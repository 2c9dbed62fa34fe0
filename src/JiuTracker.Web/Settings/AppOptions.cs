namespace JiuTracker.Web.Settings;

/// <summary>How the app is reached from outside: e-mails link to pages at this address.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address people open the app at, such as https://jiutracker.example.org/; null to use the address of the request that opened a round.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The base of the links an e-mail written during <paramref name="request"/> carries, ending in a slash.</summary>
    public string LinkBase(HttpRequest request) =>
        PublicUrl is { } configured
            ? configured.ToString().TrimEnd('/') + "/"
            : $"{request.Scheme}://{request.Host}{request.PathBase}/";
}
