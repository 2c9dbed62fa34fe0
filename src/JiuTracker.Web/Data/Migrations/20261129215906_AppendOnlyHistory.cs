using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JiuTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnlyHistory : Migration
    {
        private static readonly string[] AppendOnlyTables = ["History", "AdminAudit"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The history and the audit log are evidence: the database itself refuses to change or remove a row.
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"{table}_NoUpdate\" BEFORE UPDATE ON \"{table}\" " +
                    $"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only: they cannot be changed.'); END;");
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"{table}_NoDelete\" BEFORE DELETE ON \"{table}\" " +
                    $"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only: they cannot be deleted.'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER \"{table}_NoUpdate\";");
                migrationBuilder.Sql($"DROP TRIGGER \"{table}_NoDelete\";");
            }
        }
    }
}
