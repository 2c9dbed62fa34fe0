using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JiuTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FiguresAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Year",
                table: "Reports");

            migrationBuilder.AddColumn<long>(
                name: "LastChangedAt",
                table: "Recommendations",
                type: "INTEGER",
                nullable: true);

            // Recommendations recorded before the column existed: the time of their latest history entry.
            migrationBuilder.Sql(
                "UPDATE \"Recommendations\" SET \"LastChangedAt\" = " +
                "(SELECT MAX(\"h\".\"ChangedAt\") FROM \"History\" AS \"h\" WHERE \"h\".\"RecommendationId\" = \"Recommendations\".\"Id\");");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Year_Number_Symbol",
                table: "Reports",
                columns: new[] { "Year", "Number", "Symbol" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Figures",
                table: "Recommendations",
                columns: new[] { "ReportId", "Addressee", "Acceptance", "Implementation", "DeadlineYear", "LastChangedAt", "InformationOnlyNote" },
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Year_Number_Symbol",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Figures",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "LastChangedAt",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Year",
                table: "Reports",
                column: "Year");
        }
    }
}
