using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Security;

/// <summary>
/// The sign-in page does not tell whether an account exists: an unknown e-mail address gets what a wrong password for
/// a real account gets, also once that account is locked. (Both take as long too, a password hash each; measured by
/// hand in docs/reliability.md, not asserted.)
/// </summary>
public class AccountEnumerationTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private async Task<(HttpStatusCode Status, string Alert)> SignInAsync(string email, string password)
    {
        var response = await app.CreateBrowserClient().SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var alert = (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "(no message)";
        return (response.StatusCode, alert);
    }

    [Fact]
    public async Task UnknownEmail_AndWrongPassword_GetTheSameAnswer()
    {
        var unknown = await SignInAsync("nobody.here@jiutracker.local", "wrong-password-0");
        var wrong = await SignInAsync(DemoAccounts.Management, "wrong-password-0");

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("not right", wrong.Alert, StringComparison.Ordinal);
        Assert.Equal(wrong, unknown);
    }

    [Fact]
    public async Task AfterFiveFailures_ARealLockedAccount_AnswersWrongPasswordsLikeAnUnknownEmail()
    {
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var real = await SignInAsync(DemoAccounts.CosmasZavazava, "wrong-password-" + attempt);
            var unknown = await SignInAsync("no.such.account@jiutracker.local", "wrong-password-" + attempt);

            Assert.True(real == unknown, $"Attempt {attempt}: a real account answered {real}, an unknown e-mail {unknown}.");
        }

        // Only the right password learns that the account is locked.
        var right = await SignInAsync(DemoAccounts.CosmasZavazava, "JiuTracker-Demo-2026");
        Assert.Contains("locked", right.Alert, StringComparison.Ordinal);
    }
}
