using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JiuTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationRegistrationTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RegisteredAt",
                table: "Recommendations",
                type: "INTEGER",
                nullable: true);

            // Recommendations registered before this column existed: their first history entry tells when, if any.
            migrationBuilder.Sql(
                "UPDATE \"Recommendations\" SET \"RegisteredAt\" = " +
                "(SELECT MIN(\"ChangedAt\") FROM \"History\" WHERE \"History\".\"RecommendationId\" = \"Recommendations\".\"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Recommendations");
        }
    }
}
