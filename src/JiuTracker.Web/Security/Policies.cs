namespace JiuTracker.Web.Security;

public static class Policies
{
    /// <summary>Resource-based: may the user change statuses and comments of this report's recommendations?</summary>
    public const string EditReport = nameof(EditReport);

    /// <summary>
    /// Recording statuses of several reports at once (the update workbook, the /Updates pages): focal points and
    /// administrators. Which rows each may change, <see cref="EditableReports"/> says, row by row.
    /// </summary>
    public const string RecordStatuses = nameof(RecordStatuses);

    /// <summary>Registering reports, recommendations, people, accounts and assignments (the /Admin pages).</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Opening, reminding and closing follow-up rounds: coordinators and administrators (reading them is for every signed-in user).</summary>
    public const string RunFollowUp = nameof(RunFollowUp);

    /// <summary>Reading the log of administrative changes (the /Audit pages): administrators and auditors.</summary>
    public const string ReadAudit = nameof(ReadAudit);
}
