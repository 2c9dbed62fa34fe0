using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Admin;

internal static class AdminStamp
{
    /// <summary>The signed-in administrator and the time, for history and the audit log.</summary>
    public static ChangeStamp StampNow(this PageModel page, TimeProvider time) => new(page.User.Identity!.Name!, time.GetUtcNow());
}
