using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Audit;

public sealed class AuditCsvTests
{
    [Fact]
    public void A_row_has_the_columns_of_the_header_with_the_action_named_as_the_command_line_takes_it()
    {
        var entry = new AuditEntry
        {
            At = new DateTimeOffset(2026, 3, 1, 9, 0, 5, TimeSpan.FromHours(1)), Actor = "web:admin/01234567", Action = AuditAction.FeedEnable,
            Target = "feed 3 https://example.org/a.xml", Before = "disabled: removed by an admin", After = "=cmd|' /C calc'!A0",
        };

        Assert.Equal("time,actor,action,target,before,after", AuditCsv.Header);
        Assert.Equal("2026-03-01 08:00:05Z,web:admin/01234567,feed-enable,feed 3 https://example.org/a.xml,disabled: removed by an admin,'=cmd|' /C calc'!A0", AuditCsv.Row(entry));
    }

    [Theory]
    [InlineData("feed-enable", AuditAction.FeedEnable)]
    [InlineData("ChannelSettings", AuditAction.ChannelSettings)]
    [InlineData("SIGN-IN-REFUSED", AuditAction.SignInRefused)]
    public void An_action_is_read_by_its_dashed_or_its_own_name_in_any_case(string text, AuditAction expected)
    {
        Assert.Equal(expected, AuditActionName.Parse(text));
    }

    [Fact]
    public void An_unknown_action_or_since_is_null()
    {
        Assert.Null(AuditActionName.Parse("feed-delete"));
        Assert.Null(AuditSince.Parse("last tuesday", DateTimeOffset.UnixEpoch));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(10) - TimeSpan.FromDays(7), AuditSince.Parse("7d", DateTimeOffset.UnixEpoch.AddDays(10)));
    }
}
