using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Threads;

/// <summary>
/// What a document joining a trade action's story changes: the action's document afterwards and the news for the
/// alert's thread — published after public inspection, a correction, another document in the docket, a new effective
/// date. Each news item has a key that names the event, so it reaches a destination once however often it is read.
/// </summary>
public static class ThreadNews
{
    /// <summary>The story's document after <paramref name="incoming"/> joined it, and the thread news it brings.</summary>
    /// <param name="current">The story's document so far (null: a story of news articles).</param>
    /// <param name="incoming">The joining document (the same one published, a correction, another in the docket).</param>
    /// <param name="known">Document numbers the story already has: a document read again (another feed) brings no news.</param>
    public static (OfficialDocument Document, IReadOnlyList<ThreadMessage> News) Join(
        OfficialDocument? current, OfficialDocument incoming, IReadOnlySet<string> known)
    {
        if (current is null)
        {
            return (incoming, []);
        }

        var news = new List<ThreadMessage>();
        if (incoming.DocumentNumber == current.DocumentNumber)
        {
            if (current.OnPublicInspection && !incoming.OnPublicInspection)
            {
                news.Add(new ThreadMessage($"published:{incoming.DocumentNumber}", Published(incoming)));
            }
            else if (incoming.EffectiveOn is { } effective && incoming.EffectiveOn != current.EffectiveOn)
            {
                news.Add(new ThreadMessage($"effective:{incoming.DocumentNumber}:{effective:yyyy-MM-dd}", $"Effective date now {DocumentFactLines.Day(effective)}."));
            }

            // A public-inspection copy read after the publication does not take the action back to inspection.
            var merged = current.OnPublicInspection || incoming.OnPublicInspection == current.OnPublicInspection ? incoming : current;
            return (merged, news);
        }

        if (known.Contains(incoming.DocumentNumber))
        {
            return (current, []);
        }

        var corrects = incoming.RelatedDocumentNumbers.Any(known.Contains);
        var day = incoming.PublicationDate is { } d ? " on " + DocumentFactLines.Day(d) : "";
        var text = corrects
            ? $"Correction published{day} ({incoming.DocumentNumber})."
            : $"{DocumentFactLines.TypeName(incoming.Type)} {incoming.DocumentNumber} in the same docket{(incoming.OnPublicInspection ? " on public inspection" : " published")}{day}.";
        if (incoming.EffectiveOn is { } newDate && incoming.EffectiveOn != current.EffectiveOn)
        {
            text += $" Effective {DocumentFactLines.Day(newDate)}.";
        }

        news.Add(new ThreadMessage($"{(corrects ? "correction" : "document")}:{incoming.DocumentNumber}", text));
        // The action's own document stays; a correction or later document may move its dates.
        var moved = current with
        {
            EffectiveOn = incoming.EffectiveOn ?? current.EffectiveOn,
            CommentsCloseOn = incoming.CommentsCloseOn ?? current.CommentsCloseOn,
        };
        return (moved, news);
    }

    // "Published in the Federal Register on 3 Dec 2026, effective 2 Jan 2027."
    private static string Published(OfficialDocument document)
    {
        var text = "Published in the Federal Register" + (document.PublicationDate is { } day ? " on " + DocumentFactLines.Day(day) : "");
        if (document.EffectiveOn is { } effective)
        {
            text += ", effective " + DocumentFactLines.Day(effective);
        }

        if (document.CommentsCloseOn is { } comments)
        {
            text += ", comments close " + DocumentFactLines.Day(comments);
        }

        return text + ".";
    }
}
