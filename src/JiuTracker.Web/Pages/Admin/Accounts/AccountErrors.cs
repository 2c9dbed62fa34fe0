using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace JiuTracker.Web.Pages.Admin.Accounts;

internal static class AccountErrors
{
    /// <summary>Puts each refusal on the field it concerns ("Input.Password", "Input.Email", "Input.Roles").</summary>
    public static void AddTo(ModelStateDictionary modelState, AccountResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field == AccountField.None ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
