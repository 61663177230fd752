using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TradeAlertBot.Cli;

/// <summary>The model's tables in foreign-key order: every table after the tables its rows point to.</summary>
internal static class TableOrder
{
    public static IReadOnlyList<IEntityType> Of(IModel model)
    {
        // Only types with a table of their own; owned or table-split types travel with their owner.
        var pending = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.GetTableName()).ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => t.GetForeignKeys().All(fk =>
                fk.PrincipalEntityType == t || ordered.Contains(fk.PrincipalEntityType) || !pending.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("db copy: the model's foreign keys form a cycle: " + string.Join(", ", pending.Select(t => t.GetTableName())));
            }

            ordered.AddRange(ready);
            pending.RemoveAll(ready.Contains);
        }

        return ordered;
    }
}
