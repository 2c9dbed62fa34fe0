namespace JiuTracker.Web.Domain;

/// <summary>The kinds of administrative change the audit log records.</summary>
public enum AdminAction
{
    ReportCreated = 1,
    ReportRevised = 2,
    RecommendationAdded = 3,
    RecommendationRevised = 4,
    RecommendationWithdrawn = 5,
    DocumentImported = 6,
    FocalPointCreated = 7,
    FocalPointRevised = 8,
    FocalPointAssigned = 9,
    FocalPointUnassigned = 10,
    FocalPointLinked = 11,
    AccountCreated = 12,
    AccountRolesChanged = 13,
    AccountDisabled = 14,
    AccountEnabled = 15,
    PasswordReset = 16,

    /// <summary>Demo mode found an empty database and made it a demo database; only such a database gets demo data.</summary>
    DemoDatabaseCreated = 17,

    /// <summary>An update workbook's accepted rows were applied (each change is in the history too, with the file).</summary>
    WorkbookApplied = 18,

    /// <summary>A follow-up round was opened (its e-mails are in the outbox).</summary>
    RoundOpened = 19,

    /// <summary>A follow-up round was closed, freezing its document and workbook.</summary>
    RoundClosed = 20,

    /// <summary>A coordinator sent a focal point a reminder by hand.</summary>
    ReminderSentByHand = 21,

    /// <summary>An administrator ended an account's lockout after failed sign-ins before its time.</summary>
    AccountUnlocked = 22,

    /// <summary>Someone created a personal access token for the API.</summary>
    ApiTokenCreated = 23,

    /// <summary>A personal access token was revoked, by its owner or an administrator.</summary>
    ApiTokenRevoked = 24,

    /// <summary>Someone chose the language the app speaks to them in (kept with their account).</summary>
    LanguageChosen = 25,

    /// <summary>Someone's first sign-in with the organization's provider created their account (decision 042).</summary>
    AccountCreatedBySingleSignOn = 26,

    /// <summary>A sign-in with the organization's provider changed the account's roles from its groups (decision 042).</summary>
    AccountRolesChangedBySingleSignOn = 27,
}
