using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WatchLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WatchLine",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WatchListEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DestinationId = table.Column<long>(type: "INTEGER", nullable: false),
                    HsCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchListEntries_Destinations_DestinationId",
                        column: x => x.DestinationId,
                        principalTable: "Destinations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WatchListEntries_DestinationId",
                table: "WatchListEntries",
                column: "DestinationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WatchListEntries");

            migrationBuilder.DropColumn(
                name: "WatchLine",
                table: "Deliveries");
        }
    }
}
