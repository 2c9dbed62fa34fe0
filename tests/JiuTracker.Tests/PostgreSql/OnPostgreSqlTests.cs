using JiuTracker.Tests.Admin;
using JiuTracker.Tests.Dashboard;
using JiuTracker.Tests.Evidence;
using JiuTracker.Tests.Data;
using JiuTracker.Tests.Export;
using JiuTracker.Tests.FollowUp;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Updates;
using JiuTracker.Tests.Validation;
using JiuTracker.Tests.Web;

namespace JiuTracker.Tests.PostgreSql;

// The integration tests that read and write data, run again on PostgreSQL: each class inherits every test of its
// SQLite original and is given the app on a new database of the test run's PostgreSQL server.

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class EditingOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : EditingTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class AppendOnlyOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : AppendOnlyTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class ReportListOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : ReportListTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class AccountAdministrationOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : AccountAdministrationTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class ReportAdministrationOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : ReportAdministrationTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class SymbolRaceOnPostgreSqlTests(PostgreSqlRacingFactory app) : SymbolRaceTests(app), IClassFixture<PostgreSqlRacingFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class FocalPointAdministrationOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : FocalPointAdministrationTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class PasteRecommendationsOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : PasteRecommendationsTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class WithdrawalOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : WithdrawalTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class ImportUploadOnPostgreSqlTests(PostgreSqlProductionJiuTrackerFactory app) : ImportUploadTests(app), IClassFixture<PostgreSqlProductionJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class DashboardFiguresOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : DashboardFiguresTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class DrillDownOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : DrillDownTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class CsvExportOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : CsvExportTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class DocumentExportOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : DocumentExportTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class WorkbookEndpointOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : WorkbookEndpointTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

/// <summary>On PostgreSQL the save's writes go in one batch: every command counts, and their number stays fixed.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class MatrixSaveQueryCountOnPostgreSqlTests(QueryCountTests.PostgreSqlCountedApp app)
    : MatrixSaveQueryCountTests(app), IClassFixture<QueryCountTests.PostgreSqlCountedApp>
{
    protected override IEnumerable<string> Counted(IEnumerable<string> commands) => commands;
}

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class WorkbookRoundTripOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : WorkbookRoundTripTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class EvidenceOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : EvidenceTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class ClaimValidationOnPostgreSqlTests(MailingPostgreSqlJiuTrackerFactory app) : ClaimValidationTests(app), IClassFixture<MailingPostgreSqlJiuTrackerFactory>;
