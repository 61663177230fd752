using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Benchmarks.Adversarial;

/// <summary>
/// The adversarial item's part of "--check": time per item at 10, 40 and 100 KB through the default pack (best of
/// 5 interleaved rounds) and two verdicts, with generous margins for slower CI machines: 100 KB under 50 ms, and
/// growth from 10 to 100 KB under 20× (linear is 10×; the pairwise matcher grew about 75×).
/// </summary>
public static class AdversarialCheck
{
    public static void Run(TextWriter output, Action<string, bool, string> check)
    {
        var pack = RuleSet.Compile(DefaultRulePack.Load());
        int[] sizes = [10, 40, 100];
        var bodies = sizes.ToDictionary(kb => kb, kb => AdversarialItem.Body(kb * 1024));
        var best = sizes.ToDictionary(kb => kb, _ => double.MaxValue);
        for (var round = 0; round < 5; round++)
        {
            foreach (var kb in sizes)
            {
                var (perSecond, _) = TargetCheck.Measure(1, _ => pack.Match(Document.Create(AdversarialItem.Title, bodies[kb])).Count, minimumSeconds: 0.2);
                best[kb] = Math.Min(best[kb], 1000 / perSecond);
            }
        }

        foreach (var kb in sizes)
        {
            output.WriteLine($"adversarial item, {kb,3} KB: {best[kb],8:N2} ms (default pack, tokenizing included, best of 5 rounds)");
        }

        check("100 KB adversarial item under 50 ms", best[100] < 50, $"{best[100]:N2} ms");
        check("time(100 KB) / time(10 KB) < 20", best[100] / best[10] < 20, $"{best[100] / best[10]:N1}x");
    }
}
