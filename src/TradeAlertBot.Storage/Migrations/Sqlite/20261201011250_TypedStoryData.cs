using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradeAlertBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TypedStoryData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Story.Categories was space-separated rule names; it is now a JSON array (an EF primitive collection).
            // Rule names are [a-z0-9-], so no name needs escaping. The classification column keeps its JSON as is.
            migrationBuilder.Sql("""
                UPDATE Stories SET Categories = CASE
                    WHEN trim(Categories) = '' THEN '[]'
                    ELSE '["' || replace(trim(Categories), ' ', '","') || '"]' END
                WHERE Categories NOT LIKE '[%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE Stories SET Categories = coalesce((SELECT group_concat(value, ' ') FROM json_each(Stories.Categories)), '')
                WHERE Categories LIKE '[%';
                """);
        }
    }
}
