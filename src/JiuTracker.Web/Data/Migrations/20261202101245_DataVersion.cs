using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JiuTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Saves = table.Column<long>(type: "INTEGER", nullable: false),
                    SavesBeyondHistory = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersion", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersion");
        }
    }
}
