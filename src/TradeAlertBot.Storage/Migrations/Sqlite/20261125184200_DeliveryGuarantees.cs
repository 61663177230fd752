using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryGuarantees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_DestinationId",
                table: "Deliveries");

            migrationBuilder.AddColumn<long>(
                name: "NextSendAt",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuietHours",
                table: "Destinations",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StormUntil",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldFor",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlotAt",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_DestinationId_State",
                table: "Deliveries",
                columns: new[] { "DestinationId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_DestinationId_State",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "NextSendAt",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "QuietHours",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "StormUntil",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "HeldFor",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "SlotAt",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_DestinationId",
                table: "Deliveries",
                column: "DestinationId");
        }
    }
}
