using Microsoft.Extensions.Options;
using TradeAlertBot.Core.IO;
using TradeAlertBot.Slack;
using TradeAlertBot.Slack.Verification;

namespace TradeAlertBot.Endpoints.Slack;

/// <summary>
/// Reads a Slack callback's raw body (capped) and verifies its signature before anything parses it. Refusals are
/// logged with the reason, never with the body.
/// </summary>
public sealed class SlackRequestReader(IOptions<SlackOptions> options, SlackReplayGuard replays, TimeProvider time, ILogger<SlackRequestReader> logger)
{
    private readonly SignatureVerifier _verifier = new(options.Value.SigningSecret ?? "", time);

    /// <summary>The verified body, or the result to return (401, 413, or an empty 200 for a request already seen).</summary>
    public async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var max = options.Value.MaxRequestBytes;
        if (request.ContentLength > max)
        {
            return Refuse(request, StatusCodes.Status413PayloadTooLarge, $"body of {request.ContentLength} bytes exceeds {max}");
        }

        var body = await CappedRead.ReadAsync(request.Body, max, ct);
        if (body is null)
        {
            return Refuse(request, StatusCodes.Status413PayloadTooLarge, $"body exceeds {max} bytes");
        }

        var signature = request.Headers["X-Slack-Signature"].ToString();
        var check = _verifier.Verify(request.Headers["X-Slack-Request-Timestamp"].ToString(), signature, body);
        if (check != SignatureCheck.Valid)
        {
            return Refuse(request, StatusCodes.Status401Unauthorized, $"signature {check}");
        }

        // A valid signature proves Slack sent it once, not that it comes now: the same bytes again are a replay.
        if (!replays.FirstTime("sig:" + signature))
        {
            logger.LogWarning("slack: ignored a repeated request to {Path} from {Remote} (signature seen within the replay window)",
                request.Path, request.HttpContext.Connection.RemoteIpAddress);
            return (null, Results.Ok());
        }

        return (body, null);
    }

    private (byte[]?, IResult) Refuse(HttpRequest request, int status, string reason)
    {
        logger.LogWarning("slack: refused {Method} {Path} from {Remote} with {Status}: {Reason}",
            request.Method, request.Path, request.HttpContext.Connection.RemoteIpAddress, status, reason);
        return (null, Results.Text(status == 401 ? "invalid signature" : "payload too large", statusCode: status));
    }
}
