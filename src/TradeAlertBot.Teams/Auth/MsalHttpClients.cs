using Microsoft.Identity.Client;

namespace TradeAlertBot.Teams.Auth;

/// <summary>Hands MSAL the named "TeamsAuth" client so proxies, handlers and test trust are configured in one place.</summary>
internal sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClients.CreateClient(TeamsOptions.AuthHttpClientName);
}
