using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Api;

/// <summary>
/// The API's browsable reference: Swagger UI (vendored under <c>wwwroot/lib/swagger-ui</c>, no CDN, under the app's CSP)
/// over <c>/openapi/v1.json</c>, for the same signed-in users as the document.
/// </summary>
public class IndexModel : PageModel
{
    public string DocumentUrl => "/openapi/" + Web.Api.ApiDocument.Name + ".json";

    public void OnGet()
    {
    }
}
