using System.Security.Cryptography;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// RSA 2048 keys made once per test process. Generating one takes from 50 ms to over a second on a busy machine,
/// and fakes started for every test would spend most of a suite's time on it. Keys are handed out by position:
/// the nth key is the same material in every caller, and different from every other position, so one fake's keys
/// stay distinct from each other while separate fakes (never compared with each other) reuse the same material.
/// The keys live as long as the process and nobody disposes them: IdentityModel caches signature providers by key
/// material, so a key disposed with one fake would break signing in the next fake that holds the same material.
/// </summary>
internal static class RsaKeyPool
{
    private static readonly List<RSA> Keys = [];

    /// <summary>The shared key at <paramref name="position"/>; not to be disposed.</summary>
    public static RSA Get(int position)
    {
        lock (Keys)
        {
            while (Keys.Count <= position)
            {
                Keys.Add(RSA.Create(2048));
            }

            return Keys[position];
        }
    }
}
