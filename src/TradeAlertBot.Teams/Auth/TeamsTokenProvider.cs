using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Teams.Auth;

/// <summary>
/// Client-credentials tokens for the Bot Connector, scope <c>https://api.botframework.com/.default</c>, from
/// <see cref="TeamsOptions.EffectiveAuthority"/> (protocols.md §10). One MSAL application per process, so its
/// in-memory app token cache serves repeated calls until shortly before expiry. Singleton.
/// </summary>
public sealed class TeamsTokenProvider : ITeamsTokenProvider
{
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    private static readonly string[] Scopes = [BotFrameworkScope];

    private readonly IConfidentialClientApplication _app;

    public TeamsTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AppId))
        {
            throw new TeamsTokenException(TeamsTokenError.NotConfigured, "teams token: Teams:AppId is not set");
        }

        // MSAL.NET refuses any scheme but https, loopback included; tests serve their fake authority over https.
        if (settings.EffectiveAuthority.Scheme != Uri.UriSchemeHttps)
        {
            throw new TeamsTokenException(TeamsTokenError.NotConfigured, "teams token: Teams:Authority must be an https URL");
        }

        var builder = ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithHttpClientFactory(new MsalHttpClients(httpClients));

        // A configured authority (sovereign cloud, local fake) is taken as given: MSAL's authority validation and
        // instance discovery only know Microsoft's public hosts
        // (https://learn.microsoft.com/entra/msal/dotnet/advanced/instance-metadata).
        builder = settings.Authority is null
            ? builder.WithAuthority(settings.EffectiveAuthority)
            : builder.WithAuthority(settings.Authority.AbsoluteUri, validateAuthority: false).WithInstanceDiscovery(false);

        if (!string.IsNullOrEmpty(settings.CertificatePath))
        {
            builder = builder.WithCertificate(LoadCertificate(settings.CertificatePath, settings.CertificatePassword));
        }
        else if (!string.IsNullOrEmpty(settings.AppPassword))
        {
            builder = builder.WithClientSecret(settings.AppPassword);
        }
        else
        {
            throw new TeamsTokenException(
                TeamsTokenError.NotConfigured, "teams token: set Teams:AppPassword or Teams:CertificatePath");
        }

        _app = builder.Build();
    }

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        try
        {
            var result = await _app.AcquireTokenForClient(Scopes).ExecuteAsync(ct);
            return result.AccessToken;
        }
        catch (MsalServiceException ex) when (ex.StatusCode is >= 400 and < 500 && ex.StatusCode != 429)
        {
            throw new TeamsTokenException(
                TeamsTokenError.CredentialsRejected,
                $"teams token: authority refused the app credentials ({ex.ErrorCode}, HTTP {ex.StatusCode})", ex);
        }
        catch (Exception ex) when (ex is MsalException or HttpRequestException)
        {
            throw new TeamsTokenException(
                TeamsTokenError.Unavailable, $"teams token: no token from the authority ({(ex as MsalException)?.ErrorCode ?? ex.GetType().Name})", ex);
        }
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new TeamsTokenException(
                TeamsTokenError.NotConfigured, $"teams token: cannot load the PFX at {path} ({ex.GetType().Name})", ex);
        }
    }
}
