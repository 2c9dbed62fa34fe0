using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JiuTracker.Web.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceContents",
                columns: table => new
                {
                    EvidenceFileId = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceContents", x => x.EvidenceFileId);
                    table.ForeignKey(
                        name: "FK_EvidenceContents_Evidence_EvidenceFileId",
                        column: x => x.EvidenceFileId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceWithdrawals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvidenceFileId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceWithdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceWithdrawals_Evidence_EvidenceFileId",
                        column: x => x.EvidenceFileId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_RecommendationId_UploadedAt",
                table: "Evidence",
                columns: new[] { "RecommendationId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceWithdrawals_EvidenceFileId",
                table: "EvidenceWithdrawals",
                column: "EvidenceFileId",
                unique: true);

            // Evidence is never changed or removed, as the history: a wrong file is withdrawn by a row of its own.
            migrationBuilder.Sql("CREATE TRIGGER \"Evidence_NoUpdate\" BEFORE UPDATE ON \"Evidence\" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"Evidence_NoDelete\" BEFORE DELETE ON \"Evidence\" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"Evidence_NoTruncate\" BEFORE TRUNCATE ON \"Evidence\" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"EvidenceContents_NoUpdate\" BEFORE UPDATE ON \"EvidenceContents\" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"EvidenceContents_NoDelete\" BEFORE DELETE ON \"EvidenceContents\" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"EvidenceContents_NoTruncate\" BEFORE TRUNCATE ON \"EvidenceContents\" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"EvidenceWithdrawals_NoUpdate\" BEFORE UPDATE ON \"EvidenceWithdrawals\" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"EvidenceWithdrawals_NoDelete\" BEFORE DELETE ON \"EvidenceWithdrawals\" FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();");
            migrationBuilder.Sql("CREATE TRIGGER \"EvidenceWithdrawals_NoTruncate\" BEFORE TRUNCATE ON \"EvidenceWithdrawals\" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"Evidence_NoUpdate\" ON \"Evidence\";");
            migrationBuilder.Sql("DROP TRIGGER \"Evidence_NoDelete\" ON \"Evidence\";");
            migrationBuilder.Sql("DROP TRIGGER \"Evidence_NoTruncate\" ON \"Evidence\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceContents_NoUpdate\" ON \"EvidenceContents\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceContents_NoDelete\" ON \"EvidenceContents\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceContents_NoTruncate\" ON \"EvidenceContents\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceWithdrawals_NoUpdate\" ON \"EvidenceWithdrawals\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceWithdrawals_NoDelete\" ON \"EvidenceWithdrawals\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceWithdrawals_NoTruncate\" ON \"EvidenceWithdrawals\";");

            migrationBuilder.DropTable(
                name: "EvidenceContents");

            migrationBuilder.DropTable(
                name: "EvidenceWithdrawals");

            migrationBuilder.DropTable(
                name: "Evidence");
        }
    }
}
