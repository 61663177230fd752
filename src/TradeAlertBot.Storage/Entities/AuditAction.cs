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

    /// <summary>A watch-list entry added, removed, or a CSV of them imported.</summary>
    WatchAdd,
    WatchRemove,
    WatchImport,

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
