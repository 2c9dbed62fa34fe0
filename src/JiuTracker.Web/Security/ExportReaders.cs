using System.Security.Claims;

namespace JiuTracker.Web.Security;

/// <summary>Who reads what in exports, and in the pages that show the same records (a history, the reports' search).</summary>
public static class ExportReaders
{
    /// <summary>Withdrawn recommendations stay visible to those who check the record: auditors and administrators.</summary>
    public static bool MayReadWithdrawn(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Administrator);
}
