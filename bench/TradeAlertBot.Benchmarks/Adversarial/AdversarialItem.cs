using System.Text;

namespace TradeAlertBot.Benchmarks.Adversarial;

/// <summary>
/// The worst item known for the matcher: "dumped duty " repeated, so the shipped anti-dumping rule's
/// <c>(… dumped …) SAME (dut* …)</c> is satisfied by every pair of words in one endless sentence. Pairwise
/// proximity took 26 s and 4.9 GB on 100 KB of it.
/// </summary>
public static class AdversarialItem
{
    public const string Title = "Dumped duty";

    public static string Body(int bytes)
    {
        var body = new StringBuilder(bytes + 16);
        while (body.Length < bytes)
        {
            body.Append("dumped duty ");
        }

        return body.ToString();
    }
}
