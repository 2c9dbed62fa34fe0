namespace JiuTracker.Web.Domain;

/// <summary>How far an accepted recommendation has been implemented; "not yet recorded" is a null value.</summary>
public enum ImplementationStatus
{
    NotStarted = 1,
    InProgress = 2,
    Implemented = 3,
}
