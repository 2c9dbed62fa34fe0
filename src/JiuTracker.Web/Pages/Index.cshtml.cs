using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages;

/// <summary>The reports list is the home page.</summary>
public class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Reports/Index");
}
