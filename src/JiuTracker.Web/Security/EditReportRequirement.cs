using Microsoft.AspNetCore.Authorization;

namespace JiuTracker.Web.Security;

/// <summary>Editing a report's recommendations is for administrators and the report's own focal points.</summary>
public sealed class EditReportRequirement : IAuthorizationRequirement;

/// <summary>The report a request would edit: its id is all the rule needs, so no page reads the report only to ask.</summary>
public sealed record EditedReport(int Id);

public sealed class EditReportHandler(EditableReports editable) : AuthorizationHandler<EditReportRequirement, EditedReport>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EditReportRequirement requirement, EditedReport resource)
    {
        if (await editable.MayEditAsync(context.User, resource.Id))
        {
            context.Succeed(requirement);
        }
    }
}
