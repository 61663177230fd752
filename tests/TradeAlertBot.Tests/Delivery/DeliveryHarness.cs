using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>
/// The delivery stage over an in-memory SQLite database, a fake clock and a mocked Slack-like sender (recoverable:
/// it tags posts and can look them up). Each job run gets its own DbContext, as each Hangfire job gets its scope.
/// </summary>
internal sealed class DeliveryHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().AddSingleton<BotMetrics>().BuildServiceProvider();

    public DeliveryHarness(DeliveryOptions? options = null)
    {
        Options = options ?? new DeliveryOptions();
        Recoverable = Sender.As<IRecoverableAlertSender>(); // before the mock's object exists
        Threaded = Sender.As<IThreadedAlertSender>();
        Sender.SetupGet(s => s.Kind).Returns(DestinationKind.Slack);
        // Hangfire stamps a scheduled job with the real clock: the delay is read when it is scheduled.
        Jobs.Setup(j => j.Create(It.IsAny<Job>(), It.IsAny<IState>()))
            .Callback<Job, IState>((_, state) => Scheduled.AddRange(state is ScheduledState s ? [s.EnqueueAt - DateTime.UtcNow] : []))
            .Returns("job");
        _connection.Open();
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public DeliveryOptions Options { get; }

    /// <summary>The sender; <see cref="Recoverable"/> is the same mock seen as a recoverable sender.</summary>
    public Mock<IAlertSender> Sender { get; } = new(MockBehavior.Strict);

    public Mock<IRecoverableAlertSender> Recoverable { get; }

    /// <summary>The same mock seen as a sender with threads (thread replies, edits in place).</summary>
    public Mock<IThreadedAlertSender> Threaded { get; }

    public Mock<IBackgroundJobClient> Jobs { get; } = new();

    public TradeAlertDbContext Open() =>
        new(new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite(_connection).Options);

    public async Task<Destination> AddDestinationAsync(Action<Destination>? configure = null)
    {
        await using var db = Open();
        var destination = new Destination { Kind = DestinationKind.Slack, Address = "C1" };
        configure?.Invoke(destination);
        db.Destinations.Add(destination);
        await db.SaveChangesAsync();
        return destination;
    }

    public async Task<long> AddDeliveryAsync(long destinationId, Action<Delivery>? configure = null)
    {
        await using var db = Open();
        var story = new Story
        {
            Fingerprint = Guid.NewGuid().ToString("n"), Title = "Tariff on steel", Source = "USTR", Summary = "summary",
            Categories = ["new-tariffs"],
            FirstSeenAt = Time.GetUtcNow(), LastSeenAt = Time.GetUtcNow(),
        };
        var delivery = new Delivery
        {
            Story = story, DestinationId = destinationId, RuleName = "new-tariffs", State = DeliveryState.Pending, CreatedAt = Time.GetUtcNow(),
        };
        configure?.Invoke(delivery);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    public async Task DeliverAsync(long deliveryId)
    {
        await using var db = Open();
        await new DeliverJob(db, Poster(db), Jobs.Object, Time, NullLogger<DeliverJob>.Instance).RunAsync(deliveryId, CancellationToken.None);
    }

    public async Task SendThreadRepliesAsync()
    {
        await using var db = Open();
        await new TradeAlertBot.Deliveries.Threads.ThreadReplyJob(db, new AlertSenders(db, [Sender.Object], Time), new DestinationPacer(db, Microsoft.Extensions.Options.Options.Create(Options), Time),
            Jobs.Object, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<TradeAlertBot.Deliveries.Threads.ThreadReplyJob>.Instance).RunAsync(CancellationToken.None);
    }

    public async Task ReleaseHeldAsync()
    {
        await using var db = Open();
        await new HeldAlertsJob(db, Poster(db), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<HeldAlertsJob>.Instance)
            .RunAsync(CancellationToken.None);
    }

    /// <summary>The job store the sweep asks whether alert jobs are waiting; empty unless a test enqueues into it.</summary>
    public Hangfire.InMemory.InMemoryStorage JobStore { get; } = new();

    public async Task SweepAsync(DeliverySweepStart start)
    {
        await using var db = Open();
        await new DeliverySweepJob(db, Jobs.Object, Microsoft.Extensions.Options.Options.Create(Options), start, new AlertBacklog(JobStore), Time, NullLogger<DeliverySweepJob>.Instance)
            .RunAsync(CancellationToken.None);
    }

    /// <summary>How many Deliver jobs were enqueued to run at once so far.</summary>
    public int Enqueued => Jobs.Invocations.Count(i => i.Method.Name == nameof(IBackgroundJobClient.Create) && i.Arguments[1] is EnqueuedState);

    public async Task<Delivery> DeliveryAsync(long id)
    {
        await using var db = Open();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public async Task<Destination> DestinationAsync(long id)
    {
        await using var db = Open();
        return await db.Destinations.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    /// <summary>The delays of the Deliver jobs scheduled so far, in order (to within the test's own run time).</summary>
    public List<TimeSpan> Scheduled { get; } = [];

    public void Dispose()
    {
        JobStore.Dispose();
        _connection.Dispose();
        _metrics.Dispose();
    }

    private AlertPoster Poster(TradeAlertDbContext db)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var pacer = new DestinationPacer(db, options, Time);
        var metrics = _metrics.GetRequiredService<BotMetrics>();
        var outcomes = new DeliveryOutcomeRecorder(pacer, options, metrics, Time, NullLogger<DeliveryOutcomeRecorder>.Instance);
        var holds = new HoldGate(db, options, metrics, NullLogger<HoldGate>.Instance);
        return new AlertPoster(holds, new AlertSenders(db, [Sender.Object], Time), pacer, outcomes, metrics, Time, NullLogger<AlertPoster>.Instance);
    }
}
