using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThreadsAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CommentsCloseOn",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentJson",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveOn",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Stories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DocumentJson",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Remind",
                table: "Destinations",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindComments",
                table: "Destinations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RevisionShown",
                table: "Deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StoryKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoryKeys_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThreadReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsReminder = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreadReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThreadReplies_Deliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "Deliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_CommentsCloseOn",
                table: "Stories",
                column: "CommentsCloseOn");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_EffectiveOn",
                table: "Stories",
                column: "EffectiveOn");

            migrationBuilder.CreateIndex(
                name: "IX_StoryKeys_Key",
                table: "StoryKeys",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoryKeys_StoryId",
                table: "StoryKeys",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ThreadReplies_DeliveryId_EventKey",
                table: "ThreadReplies",
                columns: new[] { "DeliveryId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThreadReplies_State_DueAt",
                table: "ThreadReplies",
                columns: new[] { "State", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoryKeys");

            migrationBuilder.DropTable(
                name: "ThreadReplies");

            migrationBuilder.DropIndex(
                name: "IX_Stories_CommentsCloseOn",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_EffectiveOn",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "CommentsCloseOn",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "DocumentJson",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "EffectiveOn",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "DocumentJson",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "Remind",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "RemindComments",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "RevisionShown",
                table: "Deliveries");
        }
    }
}
