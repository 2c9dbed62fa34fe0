using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JiuTracker.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimiting.Policy)]
public class LoginModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) : PageModel
{
    // One message for unknown accounts and wrong passwords, so the page does not reveal which accounts exist.
    private const string RefusedMessage = "The e-mail address or the password is not right.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? await LockedOutMessageAsync()
            : RefusedMessage);
        return Page();
    }

    // "Disabled" is said only to someone who knows the password, so the page does not reveal which accounts exist.
    private async Task<string> LockedOutMessageAsync()
    {
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && AccountStatus.IsDisabled(user))
        {
            return await users.CheckPasswordAsync(user, Input.Password) ? AccountStatus.DisabledMessage : RefusedMessage;
        }

        return "This account is locked after too many failed attempts. Try again in 15 minutes.";
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [StringLength(256)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
