using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Cli;

/// <summary>Every row of every table of the model, each as the JSON of the entity read back, per table name.</summary>
internal static class TableRows
{
    private static readonly MethodInfo ReadMethod = typeof(TableRows).GetMethod(nameof(ReadTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(TradeAlertDbContext db)
    {
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in db.Model.GetEntityTypes())
        {
            tables[type.GetTableName()!] = await (Task<List<string>>)ReadMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;
        }

        return tables;
    }

    // No tracking and no includes: navigations stay empty, so each JSON holds exactly the row's columns.
    private static async Task<List<string>> ReadTableAsync<T>(TradeAlertDbContext db)
        where T : class =>
        [.. (await db.Set<T>().AsNoTracking().ToListAsync()).Select(row => JsonSerializer.Serialize(row)).Order(StringComparer.Ordinal)];
}
