using System.Security.Cryptography;
using System.Text;
using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Items;

/// <summary>A stable hash of an item's folded title and body: the dedupe key of last resort (no GUID, no link).</summary>
public static class ContentHash
{
    public static string Compute(string title, string body)
    {
        var folded = TextFolding.Fold(title.Trim()) + "\n" + TextFolding.Fold(body.Trim());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)))[..32];
    }
}
