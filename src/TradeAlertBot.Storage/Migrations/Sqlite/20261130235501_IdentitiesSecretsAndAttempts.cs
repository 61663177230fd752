using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentitiesSecretsAndAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Admins_Platform_UserId",
                table: "Admins");

            migrationBuilder.AddColumn<string>(
                name: "ProtectedSecret",
                table: "Destinations",
                type: "TEXT",
                maxLength: 4096,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AttemptedAt",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamId",
                table: "Admins",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RevokedAdminSessions",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevokedAdminSessions", x => x.SessionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Admins_Platform_TeamId_UserId",
                table: "Admins",
                columns: new[] { "Platform", "TeamId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevokedAdminSessions_ExpiresAt",
                table: "RevokedAdminSessions",
                column: "ExpiresAt");

            // A Slack channel destination is keyed by its workspace too: "T123/C456". Rows that recorded their team
            // get it in the address; older single-workspace rows without one keep the bare channel id.
            migrationBuilder.Sql("UPDATE Destinations SET Address = TeamId || '/' || Address WHERE Kind = 'slack' AND TeamId IS NOT NULL AND instr(Address, '/') = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE Destinations SET Address = substr(Address, instr(Address, '/') + 1) WHERE Kind = 'slack' AND instr(Address, '/') > 0;");

            migrationBuilder.DropTable(
                name: "RevokedAdminSessions");

            migrationBuilder.DropIndex(
                name: "IX_Admins_Platform_TeamId_UserId",
                table: "Admins");

            migrationBuilder.DropColumn(
                name: "ProtectedSecret",
                table: "Destinations");

            migrationBuilder.DropColumn(
                name: "AttemptedAt",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "Admins");

            migrationBuilder.CreateIndex(
                name: "IX_Admins_Platform_UserId",
                table: "Admins",
                columns: new[] { "Platform", "UserId" },
                unique: true);
        }
    }
}
