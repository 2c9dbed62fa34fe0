using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Admin.Accounts;

/// <summary>Creates an account with one or more roles and a first password the administrator hands over.</summary>
public class CreateModel(AccountAdministration accounts, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.CreateAsync(Input.Email, Input.Roles.Distinct().ToList(), Input.Password, this.Stamp(time), ct);
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result);
            return Page();
        }

        TempData["Status"] = $"Account {Input.Email.Trim()} created. Hand over its password; link it to a focal point if it is one.";
        return RedirectToPage("/Admin/Accounts/Edit", new { id = result.UserId });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the account's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "An e-mail address can have at most 256 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        [Required(ErrorMessage = "Enter a first password for the account.")]
        [StringLength(256, ErrorMessage = "A password can have at most 256 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "First password")]
        public string Password { get; set; } = "";
    }
}
