namespace TradeAlertBot.Storage.Entities;

/// <summary>What an admin did: the audit log's fixed vocabulary, stored by name.</summary>
public enum AuditAction
{
    RuleAdd,
    RuleEdit,
    RuleRemove,
    RuleRevert,
    FeedAdd,
    FeedRemove,

    /// <summary>A disabled feed is polled again.</summary>
    FeedEnable,
    Subscribe,
    Unsubscribe,

    /// <summary>A channel's mute, quiet hours or digest setting changed.</summary>
    ChannelSettings,
    Resume,
    Replay,
    AdminAdd,
    AdminRemove,
    SignIn,
    SignInRefused,
    SignOut,
}
