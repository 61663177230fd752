using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Jobs;

/// <summary>The <c>Hangfire</c> settings: how many jobs the main server runs at once.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Hangfire";

    /// <summary>
    /// Workers of the main server; unset means max(4, 2 × cores). Polls wait on the network, so more workers than
    /// cores; but each also parses, classifies and takes the store's single writer, and beyond 2 per core they only
    /// contend (bench/README.md: 10 workers on 2 cores ingested 20% less than 4, at 4× the latency).
    /// </summary>
    [Range(1, 256, ErrorMessage = "Hangfire:WorkerCount must be between {1} and {2}")]
    public int? WorkerCount { get; set; }

    public int EffectiveWorkerCount => WorkerCount ?? Math.Max(4, Environment.ProcessorCount * 2);
}
