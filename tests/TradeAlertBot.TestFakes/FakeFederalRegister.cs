using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// The slice of the Federal Register API (https://www.federalregister.gov/api/v1/, described by open_api_v3.yml in
/// usnationalarchives/federalregister-api-core) the bot reads, on 127.0.0.1: <c>documents.json</c> (agency and type
/// conditions, newest first, per_page/page with next_page_url, fields[] honoured, ETag and 304) and
/// <c>public-inspection-documents/current.json</c> (ETag and 304 too). Records every request; can answer 429 with Retry-After, or a
/// given body, instead.
/// </summary>
public sealed class FakeFederalRegister : IAsyncDisposable
{
    public const string SearchPath = "documents.json";
    public const string PublicInspectionPath = "public-inspection-documents/current.json";

    // EntryApiRepresentation.default_index_fields_json: what a search returns without fields[].
    private static readonly string[] DefaultFields =
        ["title", "type", "abstract", "document_number", "html_url", "pdf_url", "public_inspection_pdf_url", "publication_date", "agencies", "excerpts"];

    private readonly object _gate = new();
    private readonly List<FakeFrDocument> _published = [];
    private readonly List<FakeFrDocument> _inspection = [];
    private readonly List<FakeFrRequest> _requests = [];
    private readonly Dictionary<string, (int Status, string Body)> _canned = [];
    private int _rateLimited;
    private TimeSpan _retryAfter;
    private LoopbackServer _server = null!;

    /// <summary>http://127.0.0.1:{port}/api/v1/ — the value for <c>Sources:FederalRegister:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Sent as Cache-Control max-age on every 200 (the API lets its indexes be cached, e.g. for a day).</summary>
    public TimeSpan? CacheFor { get; set; }

    /// <summary>Where next_page_url points; the API's base unless a test moves it elsewhere.</summary>
    public Uri? NextPageBase { get; set; }

    public static async Task<FakeFederalRegister> StartAsync()
    {
        var fake = new FakeFederalRegister();
        fake._server = await LoopbackServer.StartAsync(app => app.Run(fake.HandleAsync));
        fake.BaseUrl = fake._server.Url("/api/v1/");
        return fake;
    }

    /// <summary>A search URL of this API, as a user would paste it: <c>documents.json?conditions[agencies][]=…</c>.</summary>
    public Uri SearchUrl(string? agencySlug = null, string? typeCode = null)
    {
        var query = new List<string>();
        if (agencySlug is not null)
        {
            query.Add("conditions%5Bagencies%5D%5B%5D=" + agencySlug);
        }

        if (typeCode is not null)
        {
            query.Add("conditions%5Btype%5D%5B%5D=" + typeCode);
        }

        return new Uri(BaseUrl, SearchPath + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
    }

    public void Publish(params FakeFrDocument[] documents)
    {
        lock (_gate)
        {
            _published.AddRange(documents);
            _inspection.RemoveAll(d => documents.Any(p => p.DocumentNumber == d.DocumentNumber));
        }
    }

    public void PutOnPublicInspection(params FakeFrDocument[] documents)
    {
        lock (_gate)
        {
            _inspection.AddRange(documents);
        }
    }

    /// <summary>The next <paramref name="count"/> requests are answered 429 with <c>Retry-After: seconds</c>.</summary>
    public void RateLimit(int count, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            (_rateLimited, _retryAfter) = (count, retryAfter);
        }
    }

    /// <summary>Answers <paramref name="path"/> (e.g. <see cref="SearchPath"/>) with this status and body from now on.</summary>
    public void Answer(string path, int status, string body)
    {
        lock (_gate)
        {
            _canned[path] = (status, body);
        }
    }

    public IReadOnlyList<FakeFrRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeFrRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value is { } p && p.StartsWith("/api/v1/", StringComparison.Ordinal) ? p["/api/v1/".Length..] : "";
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray());
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var (status, body, etag) = Respond(path, context.Request.Query, ifNoneMatch);
        lock (_gate)
        {
            _requests.Add(new FakeFrRequest(path, query, ifNoneMatch.Length > 0 ? ifNoneMatch : null, status));
        }

        context.Response.StatusCode = status;
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = ((int)_retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (status == 200 && CacheFor is { } cacheFor)
        {
            context.Response.Headers.CacheControl = "public, max-age=" + ((int)cacheFor.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
        }

        if (body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body);
        }
    }

    private (int Status, string? Body, string? ETag) Respond(string path, IQueryCollection query, string ifNoneMatch)
    {
        lock (_gate)
        {
            if (_rateLimited > 0)
            {
                _rateLimited--;
                return (429, """{"status":429,"message":"Too Many Requests"}""", null);
            }

            if (_canned.TryGetValue(path, out var canned))
            {
                return (canned.Status, canned.Body, null);
            }

            switch (path)
            {
                case SearchPath:
                    var body = FakeFrJson.Search(Search(query), query, PageUrl(query), DefaultFields, BaseUrl).ToJsonString();
                    var etag = Tag(body);
                    return ifNoneMatch == etag ? (304, null, etag) : (200, body, etag);
                case PublicInspectionPath:
                    var list = FakeFrJson.PublicInspection(_inspection, BaseUrl).ToJsonString();
                    var tag = Tag(list);
                    return ifNoneMatch == tag ? (304, null, tag) : (200, list, tag);
                default:
                    return (404, """{"status":404,"message":"Record Not Found"}""", null);
            }
        }
    }

    private static string Tag(string body) =>
        "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";

    private List<FakeFrDocument> Search(IQueryCollection query)
    {
        var agencies = query["conditions[agencies][]"].OfType<string>().ToHashSet();
        var types = query["conditions[type][]"].OfType<string>().Select(t => t.ToUpperInvariant()).ToHashSet();
        return [.. _published
            .Where(d => agencies.Count == 0 || d.Agencies.Any(a => agencies.Contains(a.Slug)))
            .Where(d => types.Count == 0 || types.Contains(d.TypeCode))
            .OrderByDescending(d => d.PublicationDate)
            .ThenByDescending(d => d.DocumentNumber, StringComparer.Ordinal)];
    }

    // next_page_url repeats the request's query with the next page, as the API does (params.merge(page: …)).
    private Func<int, string> PageUrl(IQueryCollection query) => page =>
    {
        var pairs = query.Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        return new Uri(NextPageBase ?? BaseUrl, SearchPath).AbsoluteUri + "?" + string.Join('&', pairs);
    };
}
