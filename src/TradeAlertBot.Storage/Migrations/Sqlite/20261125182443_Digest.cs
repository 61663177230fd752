using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Digest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Digest",
                table: "Destinations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextDigestAt",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Destinations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Digest",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "NextDigestAt",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Destinations");
        }
    }
}
