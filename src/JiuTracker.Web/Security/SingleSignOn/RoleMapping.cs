using System.Security.Claims;

namespace JiuTracker.Web.Security.SingleSignOn;

/// <summary>
/// The roles the provider's claims give, and which roles the provider decides at all: those its map names. Roles the
/// map does not name (a focal point's, say, given by an administrator) are left as they are (decision 042).
/// </summary>
public sealed class RoleMapping(string roleClaim, IReadOnlyDictionary<string, string> map)
{
    public RoleMapping(SingleSignOnOptions options)
        : this(options?.RoleClaim ?? throw new ArgumentNullException(nameof(options)), options.RoleMap)
    {
    }

    /// <summary>The roles the map names: the provider adds and removes these, and only these.</summary>
    public IReadOnlySet<string> Governed { get; } = map.Values.ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> RolesOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(roleClaim)
            .Select(c => map.TryGetValue(c.Value, out var role) ? role : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The account's roles after a sign-in: the governed ones as the claims say, the others as they were.</summary>
    public IReadOnlySet<string> Apply(IEnumerable<string> current, ClaimsPrincipal principal) =>
        current.Where(r => !Governed.Contains(r)).Concat(RolesOf(principal)).ToHashSet(StringComparer.Ordinal);
}
