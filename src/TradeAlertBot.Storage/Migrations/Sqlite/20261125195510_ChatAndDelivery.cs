using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatAndDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_DestinationId",
                table: "Deliveries");

            migrationBuilder.AddColumn<string>(
                name: "Digest",
                table: "Destinations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MutedUntil",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextDigestAt",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextSendAt",
                table: "Destinations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
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

            migrationBuilder.AddColumn<string>(
                name: "TeamId",
                table: "Destinations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Destinations",
                type: "TEXT",
                maxLength: 64,
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

            migrationBuilder.CreateTable(
                name: "TeamsConversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConversationType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TeamName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChannelName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InstalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamsConversations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_DestinationId_State",
                table: "Deliveries",
                columns: new[] { "DestinationId", "State" });

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

            migrationBuilder.CreateIndex(
                name: "IX_TeamsConversations_ConversationId",
                table: "TeamsConversations",
                column: "ConversationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Admins");

            migrationBuilder.DropTable(
                name: "SlackWorkspaces");

            migrationBuilder.DropTable(
                name: "TeamsConversations");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_DestinationId_State",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "Digest",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "MutedUntil",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "NextDigestAt",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "NextSendAt",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "QuietHours",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "StormUntil",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "StormWindowCount",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "StormWindowStart",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "TimeZone",
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
