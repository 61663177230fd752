using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StormWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StormWindowCount",
                table: "Destinations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "StormWindowStart",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StormWindowCount",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "StormWindowStart",
                table: "Destinations");
        }
    }
}
