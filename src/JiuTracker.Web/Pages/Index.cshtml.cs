using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages;

/// <summary>The home page: a focal point's own reports, the reports list for everyone else.</summary>
public class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage(User.IsInRole(Roles.FocalPoint) ? "/Reports/Mine" : "/Reports/Index");
}
