using JiuTracker.Web.Domain;

namespace JiuTracker.Web.FollowUp;

/// <summary>The follow-up rounds' reminder schedule and the validation of closures (section <c>FollowUp</c>).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Reminders go this many days before a round's due date, to focal points who have not yet updated everything.</summary>
    public int[] RemindDaysBefore { get; set; } = [14, 3];

    /// <summary>While a round is overdue, a reminder every this many days; 0 for none.</summary>
    public int RemindEveryDaysOverdue { get; set; } = 7;

    /// <summary>
    /// Whether a stated "Implemented" waits for a coordinator's validation (decision 032); off, it counts at once, as
    /// before validation existed.
    /// </summary>
    public bool ValidateImplementation { get; set; } = true;

    /// <summary>How a status stated on a form or a sheet is recorded under <see cref="ValidateImplementation"/>.</summary>
    public ClosureValidation Closure => ValidateImplementation ? ClosureValidation.Required : ClosureValidation.NotRequired;

    /// <summary>How often an instance looks for reminders that are due and e-mails to deliver.</summary>
    public int CheckEverySeconds { get; set; } = 60;
}
