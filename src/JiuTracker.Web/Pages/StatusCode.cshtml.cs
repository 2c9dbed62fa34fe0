using JiuTracker.Web.Localization;
using JiuTracker.Web.Requests;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace JiuTracker.Web.Pages;

/// <summary>Explains an error status (403, 404, 400…) to a person; the status code itself is kept.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class StatusCodeModel(IStringLocalizer<SharedText> text) : PageModel
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
            StatusCodes.Status403Forbidden => (text["Status.NotAllowed"], $"{text["Status.NotAllowedExplanation"]} {ForbiddenPages.Explain(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint)}"),
            StatusCodes.Status404NotFound => (text["Status.NotFound"], text["Status.NotFoundExplanation"]),
            StatusCodes.Status429TooManyRequests => (text["Status.TooManyAttempts"], text["Status.TooManyAttemptsExplanation"]),
            StatusCodes.Status400BadRequest => (text["Status.Refused"], text["Status.RefusedExplanation"]),
            _ => (text["Status.Error", code], text["Status.ErrorExplanation"]),
        };
    }
}
