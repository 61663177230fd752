namespace TradeAlertBot.Feeds.Fetching;

/// <summary>Reads caching and back-off hints from response headers.</summary>
internal static class ResponseHints
{
    /// <summary>Cache-Control max-age, else Expires minus the response's Date (RFC 9111 section 4.2.1).</summary>
    public static TimeSpan? MaxAge(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge)
        {
            return maxAge;
        }

        if (response.Content.Headers.Expires is { } expires)
        {
            var age = expires - (response.Headers.Date ?? now);
            return age > TimeSpan.Zero ? age : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>Retry-After as a delay: either seconds or an HTTP date (RFC 9110 section 10.2.3).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The first raw value of a header, exactly as the server sent it.</summary>
    public static string? Raw(HttpResponseMessage response, string name)
    {
        if (response.Headers.NonValidated.TryGetValues(name, out var values)
            || response.Content.Headers.NonValidated.TryGetValues(name, out values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }
}
