using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Oidc;

/// <summary>What the single sign-on tests read back: an account's roles, its links, its audit entries, the sign-in page's message.</summary>
internal static class SingleSignOnQueries
{
    public static Task<List<string>> RolesOfAsync(this JiuTrackerFactory app, string email) =>
        app.QueryAsync(db => (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.Email == email
                              orderby r.Name
                              select r.Name!).ToListAsync());

    public static Task<List<string>> LoginsOfAsync(this JiuTrackerFactory app, string email) =>
        app.QueryAsync(db => (from u in db.Users
                              join l in db.UserLogins on u.Id equals l.UserId
                              where u.Email == email
                              select l.LoginProvider + " " + l.ProviderKey).ToListAsync());

    public static Task<List<AdminAction>> AuditOfAsync(this JiuTrackerFactory app, string email) =>
        app.QueryAsync(db => db.AdminAudit.Where(a => a.Subject == email).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public static Task<bool> HasAccountAsync(this JiuTrackerFactory app, string email) =>
        app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email));

    public static Task<long> DataVersionAsync(this JiuTrackerFactory app) =>
        app.QueryAsync(async db => (await JiuTracker.Web.Caching.DataVersion.ReadAsync(db, CancellationToken.None)).SavesBeyondHistory);

    /// <summary>The refusal the sign-in page shows, after the answer was a page (never a server error).</summary>
    public static async Task<string> RefusalShownAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden,
            $"Expected the sign-in page with a message, got {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}.");
        Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await response.ReadDocumentAsync();
        var message = string.Join(" ", page.QuerySelectorAll(".validation-summary-errors li").Select(m => m.TextContent.Trim()));
        Assert.False(string.IsNullOrEmpty(message), "The sign-in page showed no message.");
        return message;
    }

    /// <summary>The sign-in ended signed in: on a page of the app other than the sign-in page, with the user's name in the menu.</summary>
    public static async Task AssertSignedInAsync(this HttpResponseMessage response, string email)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath != "/Account/Login",
            $"Expected to be signed in as {email}, got {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}:\n{body[..Math.Min(body.Length, 3000)]}");
        Assert.Contains(email, body, StringComparison.Ordinal);
    }
}
