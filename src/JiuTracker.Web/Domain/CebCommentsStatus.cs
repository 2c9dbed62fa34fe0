namespace JiuTracker.Web.Domain;

/// <summary>Whether the UN System Chief Executives Board has commented on a system-wide report.</summary>
public enum CebCommentsStatus
{
    NotYetAvailable = 0,
    Available = 1,
}
