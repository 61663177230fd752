using System.Net;
using System.Text.RegularExpressions;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>The admin console's forms as a browser submits them over plain HTTP: its antiforgery field and the token sign-in.</summary>
internal static partial class AdminForms
{
    /// <summary>The value of the page's antiforgery field (<c>__af</c>), as the form would post it.</summary>
    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("no antiforgery field in the page"));

    /// <summary>Loads the sign-in form and posts <paramref name="token"/> with its antiforgery token; the caller checks the answer.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string token)
    {
        var form = await (await client.GetAsync("/admin/login")).Content.ReadAsStringAsync();
        return await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = AntiforgeryToken(form),
            ["token"] = token,
        }));
    }

    [GeneratedRegex("name=\"__af\"[^>]*? value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
