using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide: the last host configured owns it. When several hosts share a process
/// (the integration specs run in parallel) that host may already be disposed while another starts its job server;
/// its logger factory then refuses new loggers, and this provider answers with a silent one instead of failing the
/// other host's start.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
