using JiuTracker.Web.Requests;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages;

/// <summary>Explains an error status (403, 404, 400…) to a person; the status code itself is kept.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class StatusCodeModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    /// <summary>What exactly was wrong with the request, when the code that refused it said.</summary>
    public string? Reason { get; private set; }

    private void Describe(int code)
    {
        Reason = RequestRefusal.ReasonFor(HttpContext);
        (Heading, Explanation) = code switch
        {
            StatusCodes.Status403Forbidden => ("Not allowed", $"Your account may not do this. {ForbiddenPages.Explain(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint)}"),
            StatusCodes.Status404NotFound => ("Not found", "There is no such page, report or recommendation."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts", "Too many sign-in attempts came from your address in the last minute. Wait a minute, then try again."),
            StatusCodes.Status400BadRequest => ("Request refused", "The request was not accepted and nothing was changed. If you submitted a form, reload the page and try again."),
            _ => ($"Error {code}", "The request could not be completed, and nothing was changed by it."),
        };
    }
}
