using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Slack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MutedUntil",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamId",
                table: "Destinations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Admins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Admins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlackWorkspaces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectedBotToken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BotUserId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    InstalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BrokenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlackWorkspaces", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Admins_Platform_UserId",
                table: "Admins",
                columns: new[] { "Platform", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlackWorkspaces_TeamId",
                table: "SlackWorkspaces",
                column: "TeamId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Admins");

            migrationBuilder.DropTable(
                name: "SlackWorkspaces");

            migrationBuilder.DropColumn(
                name: "MutedUntil",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "Destinations");
        }
    }
}
