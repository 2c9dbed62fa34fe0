using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace JiuTracker.Web.Security;

/// <summary>Editing a report's recommendations is for administrators and the report's own focal points.</summary>
public sealed class EditReportRequirement : IAuthorizationRequirement;

/// <summary>The report a request would edit: its id is all the rule needs, so no page reads the report only to ask.</summary>
public sealed record EditedReport(int Id);

public sealed class EditReportHandler(JiuDbContext db) : AuthorizationHandler<EditReportRequirement, EditedReport>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EditReportRequirement requirement, EditedReport resource)
    {
        if (context.User.IsInRole(Roles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !context.User.IsInRole(Roles.FocalPoint))
        {
            return;
        }

        var isAssigned = await db.FocalPoints
            .AnyAsync(f => f.UserId == userId && f.Reports.Any(r => r.Id == resource.Id));
        if (isAssigned)
        {
            context.Succeed(requirement);
        }
    }
}
