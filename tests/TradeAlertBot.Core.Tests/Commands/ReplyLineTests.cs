using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Core.Tests.Commands;

public sealed class ReplyLineTests
{
    [Fact]
    public void Quoted_text_turns_the_parts_between_backticks_into_code()
    {
        var spans = Spans(line => line.Quoted("No feed `x.xml` (see `feeds`)."));

        Assert.Equal(
            [new ReplySpan.Text("No feed "), new ReplySpan.Code("x.xml"), new ReplySpan.Text(" (see "), new ReplySpan.Code("feeds"), new ReplySpan.Text(").")],
            spans);
    }

    [Fact]
    public void An_unpaired_backtick_stays_text()
    {
        var spans = Spans(line => line.Quoted("it`s"));

        Assert.Equal([new ReplySpan.Text("it"), new ReplySpan.Text("`s")], spans);
    }

    [Fact]
    public void The_builder_counts_the_characters_written_so_a_handler_can_keep_a_reply_short()
    {
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong("Rules:");
        reply.Bullet().Code("steel").Text(": steel AND tariff");

        Assert.Equal(2, reply.Count);
        Assert.Equal("Rules:".Length + "steel".Length + ": steel AND tariff".Length, reply.Length);
    }

    private static IReadOnlyList<ReplySpan> Spans(Action<ReplyLine> line) => CommandReply.Say(line).Blocks.Single().Spans;
}
