using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeAlertBot.Cli;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Feeds;
using TradeAlertBot.Ingest;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Tests.Jobs;

/// <summary>
/// The poll and dispatch jobs over a temporary SQLite database and a temporary samples folder (feeds are file:
/// URLs, or http on 127.0.0.1), with the real fetcher, parser and ingestor; enqueued jobs are only recorded.
/// </summary>
internal sealed class PollHarness : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tab-poll-{Guid.NewGuid():n}.db");
    private readonly ServiceProvider _services;
    private readonly IConfiguration _configuration;

    public PollHarness(TimeProvider time, Dictionary<string, string?>? settings = null)
    {
        Time = time;
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={_database}",
            ["Feeds:UseSamples"] = "false",
            ["Feeds:SamplesDirectory"] = Folder.FullName,
            ["Feeds:AllowedPrivateHosts"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        _configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        Contexts = new BreakableDbContextFactory(_configuration);
        _services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMetrics()
            .AddSingleton(time)
            .AddFeeds(_configuration)
            .AddSingleton<BotMetrics>()
            .AddSingleton<RuleCatalog>()
            .AddSingleton<StoryIndex>()
            .AddSingleton<StoryIndexRefresher>()
            .AddSingleton<ItemIngestor>()
            .AddSingleton<IBackgroundJobClient>(Jobs)
            .AddSingleton<JobStorage>(new Hangfire.InMemory.InMemoryStorage())
            .AddSingleton<IDbContextFactory<TradeAlertDbContext>>(Contexts)
            .AddScoped(_ => new BreakableDbContextFactory(_configuration, PollCommands).CreateDbContext()) // the polls' own: never broken
            .AddScoped<PollFeedJob>()
            .Configure<JobsOptions>(_configuration.GetSection(JobsOptions.SectionName))
            .BuildServiceProvider();
    }

    public TimeProvider Time { get; }

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("tab-poll-feeds-");

    public RecordingJobClient Jobs { get; } = new();

    /// <summary>The SQL each feed's poll in a batch ran (not the batch's claim, nor the heartbeat's renewals).</summary>
    public CommandLog PollCommands { get; } = new();

    /// <summary>The contexts a running poll's heartbeat opens; breaking them stands for a database it cannot reach.</summary>
    public BreakableDbContextFactory Contexts { get; }

    public Task<TradeAlertDbContext> OpenAsync() =>
        new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, Time, _configuration).OpenDatabaseAsync(CancellationToken.None);

    /// <summary>Writes <paramref name="xml"/> as a sample file and adds an enabled, due feed reading it.</summary>
    public async Task<long> AddFileFeedAsync(string xml)
    {
        var path = Path.Combine(Folder.FullName, $"{Guid.NewGuid():n}.xml");
        await File.WriteAllTextAsync(path, xml);
        return await AddFeedAsync(new Uri(path).AbsoluteUri);
    }

    public async Task<long> AddFeedAsync(string url)
    {
        await using var db = await OpenAsync();
        var feed = new Feed { Url = url, CreatedAt = Time.GetUtcNow(), NextPollAt = Time.GetUtcNow() };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return feed.Id;
    }

    public async Task PollAsync(long feedId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync();
        await ActivatorUtilities.CreateInstance<PollFeedJob>(_services, db).RunAsync(feedId, ct);
    }

    /// <summary>Runs a batch poll job dispatch recorded, with the lease token dispatch gave it.</summary>
    public async Task RunRecordedAsync(Job job, CancellationToken ct = default)
    {
        await using var db = await OpenAsync();
        await ActivatorUtilities.CreateInstance<PollFeedsJob>(_services, db).RunAsync((long[])job.Args[0], (Guid)job.Args[1], ct);
    }

    /// <summary>Waits (up to 30 s) until the feed's lease ends at <paramref name="until"/>: renewals run beside the poll.</summary>
    public async Task WaitForLeaseAsync(long feedId, DateTimeOffset? until)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await FeedAsync(feedId)).PollingUntil != until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
        }
    }

    public async Task DispatchAsync()
    {
        await using var db = await OpenAsync();
        await ActivatorUtilities.CreateInstance<DispatchFeedsJob>(_services, db).RunAsync(CancellationToken.None);
    }

    public async Task<Feed> FeedAsync(long feedId)
    {
        await using var db = await OpenAsync();
        return await db.Feeds.AsNoTracking().SingleAsync(f => f.Id == feedId);
    }

    public async Task<List<string>> StoredTitlesAsync(long feedId)
    {
        await using var db = await OpenAsync();
        return await db.Items.AsNoTracking().Where(i => i.FeedId == feedId).OrderBy(i => i.Id).Select(i => i.Title).ToListAsync();
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        Folder.Delete(recursive: true);
    }

    /// <summary>Records the jobs enqueued instead of running them.</summary>
    public sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            lock (Created)
            {
                Created.Add(job);
                return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
