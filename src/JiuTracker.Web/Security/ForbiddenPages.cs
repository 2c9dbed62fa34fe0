using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Security;

/// <summary>
/// What a refused page is and who may use it, for the 403 page: from the policy the page is authorized by, or, for a
/// page that refuses by its report's focal points, from the page itself.
/// </summary>
public static class ForbiddenPages
{
    public static string Explain(Endpoint? endpoint)
    {
        var policy = endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return policy switch
        {
            Policies.Administer => "Administration, where reports, recommendations, focal points and accounts are registered, is for administrators.",
            Policies.ReadAudit => "The audit log of administrative changes is for administrators and auditors.",
            Policies.RecordStatuses => "Recording the statuses of several reports at once, with an update workbook, is for focal points and administrators.",
            Policies.RunFollowUp => "Follow-up rounds are opened, reminded and closed, and claimed implementations validated, by coordinators and administrators.",
            _ => endpoint?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath switch
            {
                "/Recommendations/Evidence" => "Attaching and withdrawing a recommendation's evidence is for the focal points of its report and administrators.",
                "/Reports/Update" => "Updating all recommendations of a report at once is for the focal points of that report and administrators.",
                "/Recommendations/Edit" => "Recording a recommendation's statuses and comments is for the focal points of its report and administrators.",
                _ => "This page is for accounts with other roles than yours.",
            },
        };
    }
}
