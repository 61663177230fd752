using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Queries;

public static class StoryQueries
{
    /// <summary>Stories filed under <paramref name="category"/> (json_each on SQLite, = ANY on PostgreSQL).</summary>
    public static IQueryable<Story> InCategory(this IQueryable<Story> stories, string category) =>
        stories.Where(s => s.Categories.Contains(category));

    /// <summary>Stories that name the country <paramref name="code"/> (an ISO code as extracted, e.g. "CN").</summary>
    public static IQueryable<Story> InCountry(this IQueryable<Story> stories, string code) =>
        stories.Where(s => s.Countries.Contains(code));

    /// <summary>Stories filed under at least one category.</summary>
    public static IQueryable<Story> Categorized(this IQueryable<Story> stories) =>
        stories.Where(s => s.Categories.Count > 0);

    /// <summary>The first category of a story (the one its alert leads with), or null.</summary>
    public static async Task<string?> FirstCategoryAsync(this IQueryable<Story> stories, long storyId, CancellationToken ct) =>
        (await stories.Where(s => s.Id == storyId).Select(s => s.Categories).FirstOrDefaultAsync(ct))?.FirstOrDefault();
}
