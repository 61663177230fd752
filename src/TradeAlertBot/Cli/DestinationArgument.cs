using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Cli;

/// <summary>
/// A destination named on the command line: its id (as <c>destinations list</c> shows it) or <c>KIND:ADDRESS</c>.
/// The kind ends at the first colon, so addresses that hold colons (Teams conversation ids, webhook URLs) work.
/// </summary>
internal static class DestinationArgument
{
    public const string Help = "A destination: its id, or KIND:ADDRESS (e.g. slack:T0123456/C0123456).";

    /// <summary>The destination, or null with a message saying why none matched.</summary>
    public static async Task<(Destination? Destination, string Error)> ResolveAsync(
        TradeAlertDbContext db, string text, CancellationToken ct)
    {
        Destination? found;
        if (long.TryParse(text, out var id))
        {
            found = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, ct);
        }
        else if (text.IndexOf(':') is > 0 and var colon && colon < text.Length - 1)
        {
            var (kind, address) = (text[..colon].ToLowerInvariant(), text[(colon + 1)..]);
            found = await db.Destinations.FirstOrDefaultAsync(d => d.Kind == kind && d.Address == address, ct);
        }
        else
        {
            return (null, $"'{text}' is not a destination id or KIND:ADDRESS");
        }

        return found is null ? (null, $"no destination '{text}' (see: destinations list)") : (found, "");
    }

    public static string Describe(Destination destination) => $"{destination.Kind}:{destination.Address}";
}
