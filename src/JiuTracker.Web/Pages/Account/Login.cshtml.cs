using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JiuTracker.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimiting.Policy)]
public class LoginModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, SignInAttemptsPerAccount attemptsPerAccount) : PageModel
{
    // One message for unknown accounts, wrong passwords and locked accounts with a wrong password, so the page does not
    // reveal which accounts exist.
    private const string RefusedMessage = "The e-mail address or the password is not right.";

    private static string? _dummyHash;

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

        if (!attemptsPerAccount.TryAttempt(users.NormalizeName(Input.Email.Trim())))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Refused(SignInAttemptsPerAccount.RefusedMessage);
        }

        await DataVersionSecurityStampValidator.NoteVersionBeforeSignInAsync(HttpContext);
        var user = await users.FindByNameAsync(Input.Email.Trim());
        if (user is null)
        {
            // As long as checking a real account's password, so the time taken does not reveal which accounts exist.
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), DummyHash(users.PasswordHasher), Input.Password);
            return Refused(RefusedMessage);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
        }

        return Refused(result.IsLockedOut ? await LockedOutMessageAsync(user) : RefusedMessage);
    }

    private PageResult Refused(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    // "Locked" and "disabled" are said only to someone who knows the password; Identity answers a locked account without
    // checking it, so the password is checked here, which also takes the time an unknown account takes.
    private async Task<string> LockedOutMessageAsync(IdentityUser user)
    {
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            return RefusedMessage;
        }

        return AccountStatus.IsDisabled(user)
            ? AccountStatus.DisabledMessage
            : "This account is locked after too many failed attempts. Try again in 15 minutes.";
    }

    /// <summary>A hash of no one's password, made once, with the same hasher and cost as real ones.</summary>
    private static string DummyHash(IPasswordHasher<IdentityUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _dummyHash, () => hasher.HashPassword(new IdentityUser(), Guid.NewGuid().ToString()));

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
