using System.Security.Claims;
using TradeAlertBot.Admin;
using TradeAlertBot.Audit;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Tests.Audit;

public sealed class AuditActorTests
{
    [Theory]
    [InlineData("a Slack user in a workspace", "slack", "T0123", "U0456", "slack:T0123/U0456")]
    [InlineData("a Teams user, ids compared lowercase", "teams", "7E2A-TENANT", "AB12-AAD", "teams:7e2a-tenant/ab12-aad")]
    [InlineData("a caller without a workspace", "slack", null, "U0456", "slack:-/U0456")]
    public void A_chat_user_is_named_with_the_workspace_or_tenant_the_id_belongs_to(string name, string platform, string? team, string user, string expected)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(expected, AuditActor.Chat(new CommandContext(platform, platform, "T/C", user, team)).Id);
    }

    [Fact]
    public void A_web_session_is_named_by_its_identity_and_the_start_of_its_session_id_only()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "admin"), new Claim(AdminSessions.SessionClaim, "0123456789ABCDEF0123456789ABCDEF")], "test"));

        Assert.Equal("web:admin/01234567", AuditActor.Web(user).Id);
    }

    [Fact]
    public void The_command_line_is_cli()
    {
        Assert.Equal("cli", AuditActor.Cli.Id);
    }
}
