using Microsoft.Extensions.Logging;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.Tests.Jobs;

public sealed class HostLogProviderTests
{
    [Fact]
    public void Loggers_come_from_the_host_s_logger_factory()
    {
        using var loggers = LoggerFactory.Create(_ => { });

        var log = new HostLogProvider(loggers).GetLogger("Hangfire.Server.Worker");

        Assert.NotNull(log);
    }

    [Fact]
    public void A_host_already_disposed_gives_a_silent_logger_instead_of_failing_another_host_s_start()
    {
        var loggers = LoggerFactory.Create(_ => { });
        loggers.Dispose();
        Assert.Throws<ObjectDisposedException>(() => loggers.CreateLogger("any")); // what Hangfire would meet

        var log = new HostLogProvider(loggers).GetLogger("Hangfire.Server.Worker");

        Assert.False(log.Log(Hangfire.Logging.LogLevel.Error, () => "lost", null));
    }
}
