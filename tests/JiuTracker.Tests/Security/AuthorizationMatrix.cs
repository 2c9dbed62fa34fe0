namespace JiuTracker.Tests.Security;

/// <summary>Who a request comes from, as far as access is concerned.</summary>
[Flags]
public enum Principal
{
    Anonymous = 1,
    Administrator = 2,
    Management = 4,
    Auditor = 8,

    /// <summary>A focal point of the report the request is about.</summary>
    ReportFocalPoint = 16,

    /// <summary>A focal point of other reports only.</summary>
    OtherFocalPoint = 32,

    /// <summary>Runs the follow-up rounds; reads everything; no administration.</summary>
    Coordinator = 64,
}

/// <summary>
/// Who may use each page handler and endpoint of the app. Every handler the app has must have an entry here: a new one
/// without an entry fails <see cref="AuthorizationMatrixTests"/> until someone decides who may use it.
/// </summary>
public static class AuthorizationMatrix
{
    public const Principal Everyone = Principal.Anonymous | SignedIn;
    public const Principal SignedIn = Principal.Administrator | Principal.Coordinator | Principal.Management | Principal.Auditor | Principal.ReportFocalPoint | Principal.OtherFocalPoint;
    public const Principal Administrators = Principal.Administrator;
    public const Principal AuditReaders = Principal.Administrator | Principal.Auditor;
    public const Principal ReportEditors = Principal.Administrator | Principal.ReportFocalPoint;

    /// <summary>Focal points (of any report) and administrators: which rows each may change is checked row by row.</summary>
    public const Principal StatusRecorders = Principal.Administrator | Principal.ReportFocalPoint | Principal.OtherFocalPoint;

    /// <summary>Who opens, reminds and closes follow-up rounds.</summary>
    public const Principal FollowUpRunners = Principal.Administrator | Principal.Coordinator;

    public static IReadOnlyList<Principal> Principals { get; } = Enum.GetValues<Principal>();

    public static IReadOnlyDictionary<string, Principal> Entries { get; } = new Dictionary<string, Principal>(StringComparer.Ordinal)
    {
        // Signing in and the pages that explain errors.
        ["GET /Account/Login"] = Everyone,
        ["POST /Account/Login"] = Everyone,
        // Single sign-on (decision 042): the button that goes to the provider, and the page it sends the browser back to.
        ["POST /Account/Login?handler=SingleSignOn"] = Everyone,
        ["GET /Account/Login?handler=Callback"] = Everyone,
        ["GET /Account/Logout"] = SignedIn,
        ["GET /Account/Index"] = SignedIn,
        ["GET /Account/Tokens"] = SignedIn,
        ["GET /Api/Index"] = SignedIn,
        ["POST /Account/Tokens?handler=Create"] = SignedIn,
        ["POST /Account/Tokens?handler=Revoke"] = SignedIn,

        // The language menu: before signing in too.
        ["GET /Language"] = Everyone,
        ["POST /Language"] = Everyone,

        // The API, with a personal access token of each principal's account: reading as on the pages.
        ["GET /api/v1/reports"] = SignedIn,
        ["GET /api/v1/recommendations"] = SignedIn,
        ["GET /api/v1/recommendations/{id:int}"] = SignedIn,
        ["GET /api/v1/recommendations/{id:int}/history"] = SignedIn,
        ["GET /api/v1/figures"] = SignedIn,

        // Writing through the API, with a read-write token: as on the edit page, the report's focal points and administrators.
        ["PATCH /api/v1/recommendations/{id:int}"] = ReportEditors,
        ["GET /openapi/{documentName}.json"] = SignedIn,
        ["POST /Account/Logout"] = SignedIn,
        ["GET /Error"] = Everyone,
        ["GET /StatusCode"] = Everyone,
        ["POST /StatusCode"] = Everyone,
        ["GET /health/live"] = Everyone,
        ["GET /health/ready"] = Everyone,

        // Reading: every signed-in user reads every report, figure and export.
        ["GET /Index"] = SignedIn,
        ["GET /Reports/Index"] = SignedIn,
        ["GET /Reports/Details"] = SignedIn,
        ["GET /Reports/Mine"] = SignedIn,
        ["GET /Recommendations/History"] = SignedIn,
        ["GET /Recommendations/Evidence"] = SignedIn,
        ["GET /Recommendations/EvidenceFile"] = SignedIn,
        ["GET /Dashboard/Index"] = SignedIn,
        ["GET /Dashboard/Recommendations"] = SignedIn,
        ["GET /Dashboard/Attention"] = SignedIn,
        ["GET /Dashboard/Trends"] = SignedIn,
        ["GET /Dashboard/Breakdown"] = SignedIn,
        ["GET /Exports/Index"] = SignedIn,
        ["GET /export/recommendations.csv"] = SignedIn,
        ["GET /export/history.csv"] = SignedIn,
        ["GET /export/action-required.docx"] = SignedIn,
        ["GET /export/jiu-status.xlsx"] = SignedIn,

        // Follow-up rounds: everyone reads their progress and frozen documents; coordinators and administrators run them.
        ["GET /Rounds/Index"] = SignedIn,
        ["GET /Rounds/Progress"] = SignedIn,
        ["GET /Rounds/Progress?handler=Csv"] = SignedIn,
        ["GET /Rounds/Document"] = SignedIn,
        ["GET /Rounds/Open"] = FollowUpRunners,
        ["POST /Rounds/Open"] = FollowUpRunners,
        ["GET /Rounds/Close"] = FollowUpRunners,
        ["POST /Rounds/Close"] = FollowUpRunners,
        ["GET /Rounds/Remind"] = FollowUpRunners,
        ["POST /Rounds/Remind"] = FollowUpRunners,

        // Validation of claimed implementations: coordinators and administrators (never on their own claim, which the domain refuses).
        ["GET /Validation/Index"] = FollowUpRunners,
        ["GET /Validation/Decide"] = FollowUpRunners,
        ["POST /Validation/Decide?handler=Accept"] = FollowUpRunners,
        ["POST /Validation/Decide?handler=Return"] = FollowUpRunners,

        // Recording statuses: the report's own focal points and administrators.
        ["GET /Recommendations/Edit"] = ReportEditors,
        ["POST /Recommendations/Edit"] = ReportEditors,
        ["POST /Recommendations/Evidence?handler=Upload"] = ReportEditors,
        ["POST /Recommendations/Evidence?handler=Withdraw"] = ReportEditors,
        ["GET /Reports/Update"] = ReportEditors,
        ["POST /Reports/Update"] = ReportEditors,

        // The update workbook's round trip: focal points and administrators, each row checked against who edits its report.
        ["GET /export/update-workbook.xlsx"] = StatusRecorders,
        ["GET /Updates/Upload"] = StatusRecorders,
        ["POST /Updates/Upload?handler=Preview"] = StatusRecorders,
        ["POST /Updates/Upload?handler=Apply"] = StatusRecorders,

        // The log of administrative changes.
        ["GET /Audit/Index"] = AuditReaders,

        // Administration.
        ["GET /Admin/Index"] = Administrators,
        ["GET /Admin/Import"] = Administrators,
        ["POST /Admin/Import?handler=Preview"] = Administrators,
        ["POST /Admin/Import?handler=Import"] = Administrators,
        ["GET /Admin/Reports/Index"] = Administrators,
        ["GET /Admin/Reports/Create"] = Administrators,
        ["POST /Admin/Reports/Create"] = Administrators,
        ["GET /Admin/Reports/Edit"] = Administrators,
        ["POST /Admin/Reports/Edit"] = Administrators,
        ["POST /Admin/Reports/Edit?handler=Assign"] = Administrators,
        ["POST /Admin/Reports/Edit?handler=Unassign"] = Administrators,
        ["GET /Admin/Recommendations/Add"] = Administrators,
        ["POST /Admin/Recommendations/Add"] = Administrators,
        ["GET /Admin/Recommendations/Paste"] = Administrators,
        ["POST /Admin/Recommendations/Paste?handler=Preview"] = Administrators,
        ["POST /Admin/Recommendations/Paste?handler=Save"] = Administrators,
        ["GET /Admin/Recommendations/Edit"] = Administrators,
        ["POST /Admin/Recommendations/Edit"] = Administrators,
        ["POST /Admin/Recommendations/Edit?handler=Withdraw"] = Administrators,
        ["GET /Admin/FocalPoints/Index"] = Administrators,
        ["GET /Admin/FocalPoints/Create"] = Administrators,
        ["POST /Admin/FocalPoints/Create"] = Administrators,
        ["GET /Admin/FocalPoints/Edit"] = Administrators,
        ["POST /Admin/FocalPoints/Edit"] = Administrators,
        ["POST /Admin/FocalPoints/Edit?handler=Link"] = Administrators,
        ["GET /Admin/Outbox/Index"] = Administrators,
        ["GET /Admin/Accounts/Index"] = Administrators,
        ["GET /Admin/Accounts/Create"] = Administrators,
        ["POST /Admin/Accounts/Create"] = Administrators,
        ["GET /Admin/Accounts/Edit"] = Administrators,
        ["POST /Admin/Accounts/Edit"] = Administrators,
        ["POST /Admin/Accounts/Edit?handler=Disable"] = Administrators,
        ["POST /Admin/Accounts/Edit?handler=Enable"] = Administrators,
        ["POST /Admin/Accounts/Edit?handler=Unlock"] = Administrators,
        ["GET /Admin/Accounts/Tokens"] = Administrators,
        ["POST /Admin/Accounts/Tokens?handler=Revoke"] = Administrators,
        ["POST /Admin/Accounts/Edit?handler=ResetPassword"] = Administrators,
    };
}
