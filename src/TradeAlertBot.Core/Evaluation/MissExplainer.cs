using TradeAlertBot.Core.Rules;
using TradeAlertBot.Core.Rules.Nodes;

namespace TradeAlertBot.Core.Evaluation;

/// <summary>
/// Says why a rule did not match an item: which of its required parts found nothing, or which NOT guard blocked
/// it (with the terms the guard found), so an admin can see what to change. Evaluates the rule's top-level parts
/// one by one: slow, for reports only.
/// </summary>
public static class MissExplainer
{
    private const int MaxShown = 90;

    public static string Explain(Rule rule, string title, string body)
    {
        var document = Document.Create(title, body);
        IReadOnlyList<Node> parts = rule.Root is AndNode and ? and.Children : [rule.Root];
        var unmet = parts.Where(p => p is not NotNode && Hits(p, document) is null).ToList();
        if (unmet.Count > 0)
        {
            return "nothing matched " + string.Join("; ", unmet.Select(p => Clip(p.ToString() ?? "")));
        }

        var blockers = parts.OfType<NotNode>()
            .Select(n => (Guard: n, Hits: Hits(n.Child, document)))
            .Where(b => b.Hits is not null)
            .Select(b => $"blocked by {Clip(b.Guard.ToString() ?? "")} on {string.Join(", ", b.Hits!.Take(4).Select(h => $"\"{h.Term}\""))}")
            .ToList();
        return blockers.Count > 0 ? string.Join("; ", blockers) : "its parts match one by one but not together";
    }

    private static IReadOnlyList<TermHit>? Hits(Node part, Document document)
    {
        var rule = Rule.FromPart("part", part);
        return rule is null ? null : RuleSet.Compile([rule]).Match(document).FirstOrDefault()?.Hits;
    }

    private static string Clip(string text) => text.Length <= MaxShown ? text : text[..(MaxShown - 1)] + "…";
}
