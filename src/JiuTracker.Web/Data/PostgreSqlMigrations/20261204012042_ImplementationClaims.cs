using System;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JiuTracker.Web.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class ImplementationClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimReturnReason",
                table: "Recommendations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClaimReturnedAt",
                table: "Recommendations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimReturnedBy",
                table: "Recommendations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClaimedAt",
                table: "Recommendations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "Recommendations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Claims",
                table: "Recommendations",
                column: "ClaimedAt",
                filter: "\"ClaimedAt\" IS NOT NULL");

            // Everything already implemented counts as validated, and the history says so (decision 032). The history
            // only grows: an entry is added, none is changed.
            migrationBuilder.Sql(
                "INSERT INTO \"History\" (\"RecommendationId\", \"Field\", \"OldValue\", \"NewValue\", \"ChangedBy\", \"ChangedAt\", \"Source\") " +
                $"SELECT \"Id\", 'ClosureValidated', NULL, '{ClosureClaims.EarlierCountsAsValidated}', 'JiuTracker', now(), 'JiuTracker upgrade' " +
                "FROM \"Recommendations\" WHERE \"Implementation\" = 'Implemented';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Claims",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ClaimReturnReason",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ClaimReturnedAt",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ClaimReturnedBy",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "Recommendations");
        }
    }
}
