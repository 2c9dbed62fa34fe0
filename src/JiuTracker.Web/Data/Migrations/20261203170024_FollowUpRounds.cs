using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JiuTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LinkBase = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRoundReports",
                columns: table => new
                {
                    FollowUpRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRoundReports", x => new { x.FollowUpRoundId, x.ReportsId });
                    table.ForeignKey(
                        name: "FK_FollowUpRoundReports_FollowUpRounds_FollowUpRoundId",
                        column: x => x.FollowUpRoundId,
                        principalTable: "FollowUpRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpRoundReports_Reports_ReportsId",
                        column: x => x.ReportsId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OnceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_FollowUpRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FollowUpRounds",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "RoundDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundDocuments_FollowUpRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FollowUpRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundRecommendations",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Asked = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptanceAtOpening = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ImplementationAtOpening = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AcceptanceAtClosing = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ImplementationAtClosing = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundRecommendations", x => new { x.RoundId, x.RecommendationId });
                    table.ForeignKey(
                        name: "FK_RoundRecommendations_FollowUpRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FollowUpRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundRecommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundRecommendations_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRoundReports_ReportsId",
                table: "FollowUpRoundReports",
                column: "ReportsId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OnceKey",
                table: "OutboxMessages",
                column: "OnceKey",
                unique: true,
                filter: "\"OnceKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_RoundId_ToAddress_Kind",
                table: "OutboxMessages",
                columns: new[] { "RoundId", "ToAddress", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundDocuments_RoundId_FileName",
                table: "RoundDocuments",
                columns: new[] { "RoundId", "FileName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundRecommendations_RecommendationId_RoundId",
                table: "RoundRecommendations",
                columns: new[] { "RecommendationId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundRecommendations_ReportId",
                table: "RoundRecommendations",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundRecommendations_RoundId_ReportId",
                table: "RoundRecommendations",
                columns: new[] { "RoundId", "ReportId" });

            // What a closed round froze is evidence, as the history is: the database refuses to change or remove it.
            migrationBuilder.Sql(
                "CREATE TRIGGER \"RoundDocuments_NoUpdate\" BEFORE UPDATE ON \"RoundDocuments\" " +
                "BEGIN SELECT RAISE(ABORT, 'RoundDocuments rows are append-only: they cannot be changed.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"RoundDocuments_NoDelete\" BEFORE DELETE ON \"RoundDocuments\" " +
                "BEGIN SELECT RAISE(ABORT, 'RoundDocuments rows are append-only: they cannot be deleted.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"RoundDocuments_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER \"RoundDocuments_NoDelete\";");

            migrationBuilder.DropTable(
                name: "FollowUpRoundReports");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "RoundDocuments");

            migrationBuilder.DropTable(
                name: "RoundRecommendations");

            migrationBuilder.DropTable(
                name: "FollowUpRounds");
        }
    }
}
