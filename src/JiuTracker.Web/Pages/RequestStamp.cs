using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages;

internal static class RequestStamp
{
    private static readonly object Key = new();

    /// <summary>
    /// The signed-in user and the time of this request, the same for every history and audit entry the request writes:
    /// taken from the clock the first time it is asked for, then kept for the request.
    /// </summary>
    public static ChangeStamp Stamp(this PageModel page, TimeProvider time)
    {
        var items = page.HttpContext.Items;
        if (items[Key] is not ChangeStamp stamp)
        {
            stamp = new ChangeStamp(page.User.Identity!.Name!, time.GetUtcNow());
            items[Key] = stamp;
        }

        return stamp;
    }
}
