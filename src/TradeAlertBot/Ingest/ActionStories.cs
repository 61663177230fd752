using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Core.Threads;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Ingest;

/// <summary>
/// Finds the story of a trade action by its keys (<see cref="ActionKeys"/>: document number, dockets, corrected
/// documents) and gives a story the keys of a document that founded or joined it — for one store step. A document
/// joins by key only, never by a similar headline: the Federal Register publishes many documents titled alike
/// ("Additions to the Entity List") that are different actions. The keys are unique, and on PostgreSQL the step holds
/// their advisory locks (<see cref="StoryBandLocks"/>), so two nodes reading one document found one story.
/// </summary>
internal sealed class ActionStories(TradeAlertDbContext db)
{
    private readonly Dictionary<string, Story> _batch = new(StringComparer.Ordinal);

    public async Task<Story?> FindAsync(OfficialDocument document, CancellationToken ct)
    {
        var keys = ActionKeys.Of(document);
        foreach (var key in keys)
        {
            if (_batch.TryGetValue(key, out var local))
            {
                return local;
            }
        }

        // The oldest story holding any key: a document naming two actions' keys joins the first.
        var id = await db.StoryKeys.Where(k => keys.Contains(k.Key)).OrderBy(k => k.StoryId).Select(k => (long?)k.StoryId).FirstOrDefaultAsync(ct);
        if (id is not { } storyId)
        {
            return null;
        }

        // Across nodes the row is locked until the commit, as for a join by fingerprint (ItemIngestor.FindStoryAsync).
        return StoryBandLocks.Needed(db) && !db.Stories.Local.Any(s => s.Id == storyId)
            ? await db.Stories.FromSql($"SELECT * FROM \"Stories\" WHERE \"Id\" = {storyId} FOR UPDATE").SingleOrDefaultAsync(ct)
            : await db.Stories.FindAsync([storyId], ct);
    }

    /// <summary>The numbers of the documents the story has so far (one read again from another feed brings no news).</summary>
    public async Task<HashSet<string>> KnownNumbersAsync(Story story, CancellationToken ct)
    {
        var stored = story.Id == 0 ? [] : await db.Items.AsNoTracking().Where(i => i.StoryId == story.Id && i.Document != null)
            .Select(i => i.Document).ToListAsync(ct);
        var staged = db.Items.Local.Where(i => ReferenceEquals(i.Story, story) || (story.Id != 0 && i.StoryId == story.Id)).Select(i => i.Document);
        return [.. stored.Concat(staged).OfType<OfficialDocument>().Select(d => d.DocumentNumber)];
    }

    /// <summary>Stages the document's keys the story does not have yet (a key another story holds stays there).</summary>
    public async Task AddKeysAsync(Story story, OfficialDocument document, CancellationToken ct)
    {
        var own = ActionKeys.Of(document).Where(k => !_batch.ContainsKey(k)).ToList();
        var taken = own.Count == 0 ? [] : await db.StoryKeys.Where(k => own.Contains(k.Key)).Select(k => k.Key).ToListAsync(ct);
        foreach (var key in own.Except(taken))
        {
            db.StoryKeys.Add(new StoryKey { Story = story, Key = key });
            _batch[key] = story;
        }
    }
}
