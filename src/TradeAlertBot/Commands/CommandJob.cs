using Hangfire;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.Commands;

/// <summary>
/// Runs one command from any platform and sends the answer back through that platform's <see cref="IChatReplier"/>:
/// as a job when the platform must be acknowledged first (events, clicks, slow scans), or inline.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class CommandJob(CommandRouter router, IEnumerable<IChatReplier> repliers, ILogger<CommandJob> logger)
{
    public async Task RunAsync(CommandRequest request, CancellationToken ct)
    {
        if (request.Parse() is not { } parsed)
        {
            logger.LogDebug("commands: ignored {Platform} action {Action}", request.Context.Platform, request.ActionId);
            return;
        }

        var replier = repliers.FirstOrDefault(r => r.Platform == request.Context.Platform)
            ?? throw new InvalidOperationException($"commands: no way to reply on {request.Context.Platform}");
        var reply = await router.RunAsync(request.Context, parsed, ct);
        await replier.ReplyAsync(request.Context, request.ReplyTo, reply, ct);
    }

    /// <summary>Queues <paramref name="request"/>: scans on the query workers, everything else ahead of alert sends.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, CommandRequest request) =>
        jobs.Enqueue<CommandJob>(JobQueues.ForCommand(request.IsSlow), job => job.RunAsync(request, CancellationToken.None));
}
