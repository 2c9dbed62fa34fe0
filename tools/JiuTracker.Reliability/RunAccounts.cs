using System.Net;

namespace JiuTracker.Reliability;

/// <summary>Accounts the administrator creates for a run, for simulated users no demo account is free for.</summary>
public static class RunAccounts
{
    /// <summary>Creates the account with the role and the demo password, on the administration page, as an administrator does.</summary>
    public static async Task CreateAsync(Uri baseAddress, string administrator, string email, string role, CancellationToken ct)
    {
        using var admin = new AppClient(baseAddress);
        await admin.SignInAsync(administrator, DemoAccount.Password, ct);
        var create = await admin.GetPageAsync("/Admin/Accounts/Create", ct);
        using var created = await admin.PostFormAsync("/Admin/Accounts/Create", create.Form, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Roles"] = role,
            ["Input.Password"] = DemoAccount.Password,
        }, ct);
        if (created.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Creating the account {email} answered {(int)created.StatusCode}: {await LoggedPages.RefusalMessageAsync(created)}");
        }
    }
}
