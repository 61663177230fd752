using TradeAlertBot.Jobs;

namespace TradeAlertBot.Tests.Jobs;

public sealed class JobQueuesTests
{
    [Theory]
    [InlineData("search tariff* AND steel", JobQueues.Queries)]
    [InlineData("rule test steel", JobQueues.Queries)]
    [InlineData("latest", JobQueues.Interactive)]
    [InlineData("help", JobQueues.Interactive)]
    [InlineData("subscribe new-tariffs", JobQueues.Interactive)]
    public void Scans_go_to_the_queries_queue_and_other_answers_to_the_interactive_one(string command, string queue) =>
        Assert.Equal(queue, JobQueues.ForCommand(command));

    [Fact]
    public void The_workers_that_send_alerts_never_take_queries()
    {
        Assert.DoesNotContain(JobQueues.Queries, JobsServiceCollectionExtensions.AlertQueues);
        Assert.Equal([JobQueues.Interactive, JobQueues.Default], JobsServiceCollectionExtensions.AlertQueues);
        Assert.Equal([JobQueues.Queries], JobsServiceCollectionExtensions.QueryQueues);
    }
}
