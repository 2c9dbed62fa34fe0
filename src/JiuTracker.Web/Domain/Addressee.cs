namespace JiuTracker.Web.Domain;

/// <summary>To whom a recommendation is addressed, as its text says.</summary>
public enum Addressee
{
    ExecutiveHeads = 1,
    LegislativeBodies = 2,
    Other = 3,
}
