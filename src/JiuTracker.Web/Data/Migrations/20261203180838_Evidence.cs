using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JiuTracker.Web.Data.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    EvidenceFileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvidenceFileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql(
                "CREATE TRIGGER \"Evidence_NoUpdate\" BEFORE UPDATE ON \"Evidence\" " +
                "BEGIN SELECT RAISE(ABORT, 'Evidence rows are append-only: they cannot be changed.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"Evidence_NoDelete\" BEFORE DELETE ON \"Evidence\" " +
                "BEGIN SELECT RAISE(ABORT, 'Evidence rows are append-only: they cannot be deleted.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"EvidenceContents_NoUpdate\" BEFORE UPDATE ON \"EvidenceContents\" " +
                "BEGIN SELECT RAISE(ABORT, 'EvidenceContents rows are append-only: they cannot be changed.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"EvidenceContents_NoDelete\" BEFORE DELETE ON \"EvidenceContents\" " +
                "BEGIN SELECT RAISE(ABORT, 'EvidenceContents rows are append-only: they cannot be deleted.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"EvidenceWithdrawals_NoUpdate\" BEFORE UPDATE ON \"EvidenceWithdrawals\" " +
                "BEGIN SELECT RAISE(ABORT, 'EvidenceWithdrawals rows are append-only: they cannot be changed.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"EvidenceWithdrawals_NoDelete\" BEFORE DELETE ON \"EvidenceWithdrawals\" " +
                "BEGIN SELECT RAISE(ABORT, 'EvidenceWithdrawals rows are append-only: they cannot be deleted.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"Evidence_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER \"Evidence_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceContents_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceContents_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceWithdrawals_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER \"EvidenceWithdrawals_NoDelete\";");

            migrationBuilder.DropTable(
                name: "EvidenceContents");

            migrationBuilder.DropTable(
                name: "EvidenceWithdrawals");

            migrationBuilder.DropTable(
                name: "Evidence");
        }
    }
}
