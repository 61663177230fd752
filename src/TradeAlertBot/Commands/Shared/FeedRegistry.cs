using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// The one way to add a feed (chat's <c>feed add</c>, the admin page, the CLI's <c>feeds add</c> and <c>import</c>):
/// an http(s) URL the SSRF guard allows, not watched already. The feed and its audit entry are staged; the caller saves.
/// </summary>
public sealed class FeedRegistry(TradeAlertDbContext db, UrlGuard guard, TimeProvider time, AuditLog audit)
{
    public async Task<FeedAddResult> AddAsync(string text, string? title, AuditActor actor, CancellationToken ct)
    {
        // Slack sends links as <url|label>; the label is not part of the address.
        if (!Uri.TryCreate(text.Split('|')[0], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return new FeedAddResult.Refused($"`{ChatText.Clip(text, 80)}` is not an http(s) URL.");
        }

        var note = "";
        try
        {
            await guard.CheckAsync(url, ct);
        }
        catch (FeedFetchException e) when (e.Kind == FeedFetchErrorKind.Blocked)
        {
            return new FeedAddResult.Refused($"That URL is refused: {e.Message}");
        }
        catch (FeedFetchException e)
        {
            // A name that does not resolve now (DNS hiccup, or a typo) is added anyway; polling reports its health.
            note = $" Note: {e.Message} — check the address if `feeds` keeps showing it failing.";
        }

        var normalized = url.AbsoluteUri;
        if (db.Feeds.Local.Any(f => f.Url == normalized) || await db.Feeds.AnyAsync(f => f.Url == normalized, ct))
        {
            return new FeedAddResult.Duplicate();
        }

        var now = time.GetUtcNow();
        var feed = new Feed { Url = normalized, Title = title, CreatedAt = now, NextPollAt = now };
        db.Feeds.Add(feed);
        audit.Stage(actor, AuditAction.FeedAdd, "feed " + ShownUrl.Redacted(normalized), null, title);
        return new FeedAddResult.Added(feed, note);
    }

    /// <summary>Adds and saves a feed (chat and the admin page); returns what to tell the user.</summary>
    /// <exception cref="UsageException">Not an http(s) URL, refused by the guard, or watched already.</exception>
    public async Task<string> AddAndSaveAsync(string text, AuditActor actor, CancellationToken ct)
    {
        var result = await AddAsync(text, null, actor, ct);
        if (result is not FeedAddResult.Added)
        {
            throw new UsageException(result.Message);
        }

        await db.SaveChangesAsync(ct);
        return result.Message;
    }

    /// <summary>Stops polling a feed (staged; the caller saves). Disabled, not deleted: its stored items and stories stay searchable.</summary>
    public void Disable(Feed feed, AuditActor actor)
    {
        audit.Stage(actor, AuditAction.FeedRemove, $"feed {feed.Id} {ShownUrl.Redacted(feed.Url)}", feed.Enabled ? "enabled" : "disabled: " + feed.DisabledReason, "disabled");
        feed.Enabled = false;
        feed.DisabledReason = "removed by an admin";
    }

    /// <summary>
    /// Polls a disabled feed again from now (staged; the caller saves). Its address goes through the guard again, as
    /// on add: what it resolves to may have changed since.
    /// </summary>
    /// <exception cref="UsageException">The guard refuses the address now.</exception>
    public async Task EnableAsync(Feed feed, AuditActor actor, CancellationToken ct)
    {
        try
        {
            await guard.CheckAsync(new Uri(feed.Url), ct);
        }
        catch (FeedFetchException e) when (e.Kind == FeedFetchErrorKind.Blocked)
        {
            throw new UsageException($"That URL is refused: {e.Message}");
        }
        catch (FeedFetchException)
        {
            // Not resolving now is no reason to stay off: polling reports its health, as after an add.
        }

        audit.Stage(actor, AuditAction.FeedEnable, $"feed {feed.Id} {ShownUrl.Redacted(feed.Url)}", "disabled: " + feed.DisabledReason, "enabled");
        (feed.Enabled, feed.DisabledReason, feed.ConsecutiveErrors, feed.NextPollAt) = (true, null, 0, time.GetUtcNow());
    }
}
