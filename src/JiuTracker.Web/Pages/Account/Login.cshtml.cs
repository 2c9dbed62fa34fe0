using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Localization;
using JiuTracker.Web.Security;
using JiuTracker.Web.Security.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimiting.Policy)]
public class LoginModel(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    SignInAttemptsPerAccount attemptsPerAccount,
    IOptions<SingleSignOnOptions> singleSignOn,
    IOptions<LocalSignInOptions> localSignIn,
    IStringLocalizer<SharedText> text) : PageModel
{
    // One message for unknown accounts, wrong passwords and locked accounts with a wrong password, so the page does not
    // reveal which accounts exist.
    private string RefusedMessage => text["Login.Refused"];

    private static string? _dummyHash;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the last sign-in with the provider was refused (<see cref="SingleSignOnFailure"/>'s values).</summary>
    [BindProperty(SupportsGet = true, Name = "failure")]
    public string? Failure { get; set; }

    /// <summary>With passwords turned off, the address of the break-glass administrator's password form.</summary>
    [BindProperty(SupportsGet = true, Name = "breakGlass")]
    public bool BreakGlass { get; set; }

    public SingleSignOnOptions SingleSignOn => singleSignOn.Value;

    /// <summary>The password form: while local accounts are on, or for the break-glass administrator.</summary>
    public bool ShowsPasswordForm => localSignIn.Value.LocalAccounts || BreakGlass;

    private string PasswordsOffMessage => text["Login.PasswordsOff", SingleSignOn.DisplayName];

    public void OnGet()
    {
        if (SingleSignOnFailure.MessageFor(Failure, SingleSignOn.DisplayName) is { } message)
        {
            ModelState.AddModelError(string.Empty, message);
        }
    }

    /// <summary>"Sign in with …": off to the provider, which sends the browser back to <see cref="OnGetCallbackAsync"/>.</summary>
    public IActionResult OnPostSingleSignOn()
    {
        // Only the return address is posted, and a bad one is replaced by the start page: the e-mail and password fields are not in question.
        ModelState.Clear();
        if (!SingleSignOn.IsEnabled)
        {
            return Refused("Single sign-on is not set up in JiuTracker: sign in with your e-mail address and password.");
        }

        var callback = Url.Page("/Account/Login", "Callback", new { returnTo = LocalReturnUrl() });
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, SingleSignOnOptions.Scheme);
    }

    /// <summary>Back from the provider: the account it is for, its roles brought up to date, then the session.</summary>
    /// <param name="returnTo">
    /// Where to go once signed in. Not "ReturnUrl": signing in on the sign-in page's address with that parameter makes
    /// the cookie handler redirect there itself, and the page that moves on (below) could not be shown.
    /// </param>
    public async Task<IActionResult> OnGetCallbackAsync(string? returnTo, CancellationToken ct)
    {
        ModelState.Clear();
        var external = SingleSignOn.IsEnabled ? await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme) : AuthenticateResult.NoResult();
        if (!external.Succeeded)
        {
            return Refused($"There is no sign-in with {SingleSignOn.DisplayName} to complete here. Use the button below to sign in.");
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await DataVersionSecurityStampValidator.NoteVersionBeforeSignInAsync(HttpContext);
        var result = await HttpContext.RequestServices.GetRequiredService<SingleSignOnAccounts>().SignInAsync(external.Principal, ct);
        if (result.Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Refused(result.Refusal);
        }

        var properties = new AuthenticationProperties();
        if (external.Properties?.GetTokenValue("id_token") is { } idToken)
        {
            properties.Items[SingleSignOnSetup.IdTokenItem] = idToken;
        }

        await signIn.SignInAsync(result.User!, properties, authenticationMethod: SingleSignOnOptions.Scheme);
        // A browser that came here from the provider's site does not send the session's SameSite=Strict cookie along a
        // redirect; a page of the app's own that moves on does (decision 042).
        if (Request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            ContinueUrl = LocalUrlOrStart(returnTo);
            return Page();
        }

        return LocalRedirect(LocalUrlOrStart(returnTo));
    }

    /// <summary>After a sign-in that came from the provider's site: where the page moves on to.</summary>
    public string? ContinueUrl { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!localSignIn.Value.AllowsPassword(Input.Email))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Refused(PasswordsOffMessage);
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

        if (!localSignIn.Value.LocalAccounts && !await users.IsInRoleAsync(user, Roles.Administrator))
        {
            // The break-glass account is an administrator's; any other keeps to the provider.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Refused(PasswordsOffMessage);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalReturnUrl());
        }

        return Refused(result.IsLockedOut ? await LockedOutMessageAsync(user) : RefusedMessage);
    }

    private string LocalReturnUrl() => LocalUrlOrStart(ReturnUrl);

    private string LocalUrlOrStart(string? url) => Url.IsLocalUrl(url) ? url : Url.Content("~/");

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
            : text["Login.Locked"];
    }

    /// <summary>A hash of no one's password, made once, with the same hasher and cost as real ones.</summary>
    private static string DummyHash(IPasswordHasher<IdentityUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _dummyHash, () => hasher.HashPassword(new IdentityUser(), Guid.NewGuid().ToString()));

    public sealed class InputModel
    {
        // Keys of the shared resources: the attributes' texts are localized (decision 044).
        [Required(ErrorMessage = "Login.EnterEmail")]
        [EmailAddress(ErrorMessage = "Login.EmailFormat")]
        [StringLength(256)]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Login.EnterPassword")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";
    }
}
