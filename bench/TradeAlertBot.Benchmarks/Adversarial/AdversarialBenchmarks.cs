using BenchmarkDotNet.Attributes;
using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Benchmarks.Adversarial;

/// <summary>One adversarial item (<see cref="AdversarialItem"/>) of 10, 40 and 100 KB through the default pack, tokenizing included.</summary>
[MemoryDiagnoser]
public class AdversarialBenchmarks
{
    private readonly RuleSet _pack = RuleSet.Compile(DefaultRulePack.Load());
    private string _body = "";

    [Params(10, 40, 100)]
    public int Kilobytes { get; set; }

    [GlobalSetup]
    public void Setup() => _body = AdversarialItem.Body(Kilobytes * 1024);

    [Benchmark]
    public int DefaultPack() => _pack.Match(Document.Create(AdversarialItem.Title, _body)).Count;
}
