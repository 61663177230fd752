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

            migrationBuilder.AddColumn<string>(
                name: "Countries",
                table: "Stories",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "[]");

            // Stored stories had their countries only in the alert's display line: the fact labelled "Countries",
            // ISO codes joined by ", " (AlertContent, serialized with System.Text.Json's default PascalCase names).
            // Codes are two capital letters, so none needs escaping.
            migrationBuilder.Sql("""
                UPDATE Stories SET Countries = coalesce((
                    SELECT '["' || replace(trim(json_extract(fact.value, '$.Value')), ', ', '","') || '"]'
                    FROM json_each(Stories.ClassificationJson, '$.Facts') AS fact
                    WHERE json_extract(fact.value, '$.Label') = 'Countries' AND trim(json_extract(fact.value, '$.Value')) <> ''
                    LIMIT 1), '[]')
                WHERE json_valid(ClassificationJson);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The founding report's countries stay in the classification's facts, as before this migration.
            migrationBuilder.DropColumn(
                name: "Countries",
                table: "Stories");

            migrationBuilder.Sql("""
                UPDATE Stories SET Categories = coalesce((SELECT group_concat(value, ' ') FROM json_each(Stories.Categories)), '')
                WHERE Categories LIKE '[%';
                """);
        }
    }
}
