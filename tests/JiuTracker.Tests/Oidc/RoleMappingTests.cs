using System.Security.Claims;
using JiuTracker.Web.Security;
using JiuTracker.Web.Security.SingleSignOn;

namespace JiuTracker.Tests.Oidc;

/// <summary>The provider decides the roles its map names, from the claims of each sign-in; the other roles stay as they are.</summary>
public class RoleMappingTests
{
    private static readonly RoleMapping Mapping = new("groups", new Dictionary<string, string>
    {
        ["jiu-admins"] = Roles.Administrator,
        ["jiu-auditors"] = Roles.Auditor,
        ["jiu-readers"] = Roles.Auditor,
    });

    private static ClaimsPrincipal With(params string[] groups) =>
        new(new ClaimsIdentity(groups.Select(g => new Claim("groups", g)), "test"));

    [Fact]
    public void TheMappedValues_GiveTheirRoles_OnceEach_AndOtherValuesNone() =>
        Assert.Equal([Roles.Auditor], Mapping.RolesOf(With("jiu-auditors", "jiu-readers", "everyone")).Order());

    [Fact]
    public void AGroupGone_RemovesItsRole_AndARoleTheMapDoesNotName_Stays() =>
        Assert.Equal([Roles.FocalPoint, Roles.Auditor], Mapping.Apply([Roles.Administrator, Roles.FocalPoint], With("jiu-auditors")).OrderBy(r => r != Roles.FocalPoint));

    [Fact]
    public void NoClaims_RemovesEveryMappedRole_AndOnlyThose() =>
        Assert.Equal([Roles.Management], Mapping.Apply([Roles.Administrator, Roles.Auditor, Roles.Management], With()));

    [Fact]
    public void ClaimsOfAnotherType_GiveNoRole() =>
        Assert.Empty(Mapping.RolesOf(new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "jiu-admins")], "test"))));
}
