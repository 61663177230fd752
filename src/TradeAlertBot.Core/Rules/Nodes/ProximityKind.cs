namespace TradeAlertBot.Core.Rules.Nodes;

public enum ProximityKind
{
    /// <summary><c>a NEAR/n b</c>: either order, at most n words apart.</summary>
    Near,

    /// <summary><c>a W/n b</c>: a before b, at most n words apart.</summary>
    Within,

    /// <summary><c>a SAME b</c>: in the same sentence.</summary>
    Same,
}
