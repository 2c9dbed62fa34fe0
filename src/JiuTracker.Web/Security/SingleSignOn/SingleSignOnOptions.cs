using System.Net;

namespace JiuTracker.Web.Security.SingleSignOn;

/// <summary>
/// Single sign-on with the organization's OpenID provider (<c>Authentication:Oidc</c>, decision 042); off while
/// <see cref="Authority"/> is not set.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The authentication scheme's name; the callback addresses are <c>/signin-oidc</c> and <c>/signout-callback-oidc</c>.</summary>
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer address, such as https://login.example.org/realms/staff.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for, separated by spaces or commas; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The claim whose values are mapped to roles, such as <c>groups</c> or <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>A value of <see cref="RoleClaim"/> → the JiuTracker role it gives (<c>RoleMap:jiu-admins=Administrator</c>).</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The organization as the button names it: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your organization";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The scopes to ask for, <c>openid</c> first.</summary>
    public IReadOnlyList<string> ScopeList =>
        ["openid", .. Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s != "openid").Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Whether the authority is on this machine (127.0.0.1, ::1, localhost): only then may its metadata and tokens come
    /// over plain HTTP, as a provider started by the tests does. Any other authority must be HTTPS.
    /// </summary>
    public bool IsLoopbackAuthority =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    /// <summary>What is wrong with the settings, in words naming them; null when single sign-on is off or set up right.</summary>
    public string? Problem()
    {
        if (!IsEnabled)
        {
            return null;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            return $"`{Section}:Authority` \"{Authority}\" is not an address such as https://login.example.org/.";
        }

        if (authority.Scheme == "http" && !IsLoopbackAuthority)
        {
            return $"`{Section}:Authority` \"{Authority}\" is plain HTTP: the provider must be HTTPS (only a provider on this machine, 127.0.0.1 or localhost, may be HTTP).";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return $"`{Section}:ClientId` is not set: the client id JiuTracker is registered with at the provider.";
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            return $"`{Section}:RoleClaim` is empty: name the claim whose values give roles, such as groups or roles.";
        }

        var unknown = RoleMap.Where(m => !Roles.All.Contains(m.Value, StringComparer.Ordinal)).Select(m => $"{m.Key}={m.Value}").ToList();
        return unknown.Count == 0
            ? null
            : $"`{Section}:RoleMap` gives roles that do not exist ({string.Join(", ", unknown)}); the roles are {string.Join(", ", Roles.All)}.";
    }
}
