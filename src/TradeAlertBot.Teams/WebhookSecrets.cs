using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Teams;

/// <summary>
/// A Workflows webhook URL carries its credential in the query (<c>sig=</c>), so it is stored encrypted with Data
/// Protection (as Slack bot tokens are) and the destination's address is only its host plus a short hash — enough to
/// tell two webhooks apart, never enough to post to one.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Kind = DestinationKind.TeamsWebhook;
    private readonly IDataProtector _protector = protection.CreateProtector("TradeAlertBot.Teams.WebhookUrl");

    /// <summary>The address a webhook is known by: <c>https://host/#1a2b3c4d5e6f</c>.</summary>
    public static string AddressOf(string url) =>
        $"{ShownUrl.Origin(url).TrimEnd('…')}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..12]}";

    /// <summary>A new webhook destination: encrypted URL, secret-free address.</summary>
    public Destination NewDestination(string url, string? name) =>
        new() { Kind = Kind, Address = AddressOf(url), ProtectedSecret = _protector.Protect(url), Name = name };

    /// <summary>The URL to post to; a row stored before encryption (no secret yet) still holds it in its address.</summary>
    public string UrlOf(string address, string? protectedSecret) =>
        protectedSecret is null ? address : _protector.Unprotect(protectedSecret);

    /// <summary>Encrypts webhook rows stored in plain text by earlier versions (run at start-up); returns how many.</summary>
    public async Task<int> ProtectPlainAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var plain = await db.Destinations.Where(d => d.Kind == Kind && d.ProtectedSecret == null).ToListAsync(ct);
        foreach (var destination in plain)
        {
            (destination.ProtectedSecret, destination.Address) = (_protector.Protect(destination.Address), AddressOf(destination.Address));
        }

        await db.SaveChangesAsync(ct);
        return plain.Count;
    }
}
