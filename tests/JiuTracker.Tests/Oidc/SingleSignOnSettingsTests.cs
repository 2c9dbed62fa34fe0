using JiuTracker.Web.Security.SingleSignOn;
using Microsoft.Extensions.Configuration;

namespace JiuTracker.Tests.Oidc;

/// <summary>The sign-in settings the app refuses to start with, each named in the reason; off unless an authority is set.</summary>
public class SingleSignOnSettingsTests
{
    private static string? ProblemWith(params (string Key, string Value)[] settings) =>
        SingleSignOnSettings.Problem(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build());

    [Fact]
    public void WithoutAnAuthority_SingleSignOnIsOff_AndNothingIsWrong() =>
        Assert.Null(ProblemWith());

    [Theory]
    [InlineData("https://login.example.org/realms/staff")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:8080/")]
    public void AnHttpsAuthority_OrAPlainHttpOneOnThisMachine_IsAccepted(string authority) =>
        Assert.Null(ProblemWith(("Authentication:Oidc:Authority", authority), ("Authentication:Oidc:ClientId", "jiutracker")));

    [Theory]
    [InlineData("http://login.example.org/", "is plain HTTP")]
    [InlineData("http://10.0.0.5/", "is plain HTTP")]
    [InlineData("login.example.org", "is not an address")]
    public void APlainHttpAuthorityElsewhere_OrNoAddress_IsRefused(string authority, string expected) =>
        Assert.Contains(expected, ProblemWith(("Authentication:Oidc:Authority", authority), ("Authentication:Oidc:ClientId", "jiutracker")), StringComparison.Ordinal);

    [Fact]
    public void AnAuthorityWithoutAClientId_IsRefused() =>
        Assert.Contains("`Authentication:Oidc:ClientId` is not set", ProblemWith(("Authentication:Oidc:Authority", "https://login.example.org/")), StringComparison.Ordinal);

    [Fact]
    public void ARoleMapToARoleThatDoesNotExist_IsRefused_NamingIt() =>
        Assert.Contains("staff=Superuser", ProblemWith(
            ("Authentication:Oidc:Authority", "https://login.example.org/"),
            ("Authentication:Oidc:ClientId", "jiutracker"),
            ("Authentication:Oidc:RoleMap:admins", "Administrator"),
            ("Authentication:Oidc:RoleMap:staff", "Superuser")), StringComparison.Ordinal);

    [Fact]
    public void PasswordsOffWithoutAProvider_IsRefused_ForNobodyCouldSignIn() =>
        Assert.Contains("nobody could sign in", ProblemWith(("Authentication:LocalAccounts", "false")), StringComparison.Ordinal);
}
