using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TradeAlertBot.Core.Evaluation;

/// <summary>Which part of a labelled corpus an item belongs to.</summary>
public enum CorpusPart
{
    /// <summary>Rules, lexicons and thresholds may be written and tuned against these items.</summary>
    Tune,

    /// <summary>Only ever measured: the stand-in for text the classifier has never seen.</summary>
    Check,
}

/// <summary>
/// A deterministic ≈70/30 split by a hash of the item id, so the parts never change with file order, new items
/// fall into a part on their own, and nobody chooses which items are "check".
/// </summary>
public static class CorpusSplit
{
    /// <summary>Percentage of ids that fall into <see cref="CorpusPart.Check"/>.</summary>
    public const int CheckPercent = 30;

    public static CorpusPart Of(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        var bucket = BinaryPrimitives.ReadUInt32BigEndian(hash) % 100;
        return bucket < CheckPercent ? CorpusPart.Check : CorpusPart.Tune;
    }
}
