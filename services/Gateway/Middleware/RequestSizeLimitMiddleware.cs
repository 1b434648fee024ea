using Gateway.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Middleware;

/// <summary>
/// Rejects oversized bodies at the edge with 413 ProblemDetails before anything is forwarded: a declared
/// Content-Length is checked up front, a chunked body (no Content-Length) is read up to the limit first and only
/// forwarded when it fits.
/// </summary>
/// <remarks>
/// Answering early is not enough for the client to see the answer. A client that sends its body without waiting
/// (no <c>Expect: 100-continue</c>) is still uploading when the 413 goes out; closing the socket with its unread bytes
/// makes the kernel send a reset, which breaks the client's upload ("Broken pipe") and discards the 413 it had not read
/// yet. So after the 413 the rest of the body is read and thrown away (lingering close, bounded by
/// <see cref="DrainLimitBytes"/> and <see cref="DrainTimeout"/>) and the connection is closed once the client has sent
/// it all. A client that asked for <c>100-continue</c> gets the 413 instead of the 100 and sends no body at all.
/// </remarks>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    /// <summary>How much of an oversized body is drained at most; a larger one is cut off with the connection.</summary>
    private const long DrainLimitBytes = 64L * 1024 * 1024;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var declared = request.ContentLength;

        if (declared > limit)
        {
            // Drain what was declared, if reasonable: Kestrel must not refuse reading it past the limit.
            var drain = !ExpectsContinue(request) && declared <= DrainLimitBytes;
            SetServerLimit(sizeFeature, drain ? declared : limit);
            await RejectAsync(context, problems, limit, $"The request body is {declared} bytes; the limit is {limit} bytes.", drain);
            return;
        }

        if (declared is null && HasBody(context))
        {
            // Chunked: the size is known only once read. The server's cap leaves room to drain an oversized body.
            SetServerLimit(sizeFeature, DrainLimitBytes);
            var buffered = await ReadUpToAsync(request.Body, limit + 1, context.RequestAborted);
            if (buffered.Length > limit)
            {
                await RejectAsync(context, problems, limit, $"The request body is larger than the limit of {limit} bytes.", drain: true);
                return;
            }

            // Forwarded with its length, as if the client had declared it.
            request.Headers.Remove(HeaderNames.TransferEncoding);
            request.ContentLength = buffered.Length;
            request.Body = buffered;
        }
        else
        {
            SetServerLimit(sizeFeature, limit);
        }

        await next(context);
    }

    private static void SetServerLimit(IHttpMaxRequestBodySizeFeature? feature, long? bytes)
    {
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = bytes;
        }
    }

    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private static bool ExpectsContinue(HttpRequest request) =>
        request.Headers.Expect.Any(value => string.Equals(value, "100-continue", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads at most <paramref name="max"/> bytes into memory (the limit plus one tells "too large").</summary>
    private static async Task<MemoryStream> ReadUpToAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (buffered.Length < max)
        {
            var read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffered.Length)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffered.Write(chunk, 0, read);
        }

        buffered.Position = 0;
        return buffered;
    }

    private static async Task RejectAsync(HttpContext context, IProblemDetailsService problems, long limit, string detail, bool drain)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The connection cannot carry another request after an unread body: the client must reconnect.
        context.Response.Headers.Connection = "close";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [detail] })
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The gateway accepts request bodies of up to {limit} bytes.",
            },
        });

        if (drain)
        {
            // The 413 goes out now; reading the rest afterwards only lets the client finish sending and read it.
            await context.Response.CompleteAsync();
            await DrainAsync(context);
        }
    }

    private static async Task DrainAsync(HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(DrainTimeout);
        var chunk = new byte[16 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(chunk, timeout.Token) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or BadHttpRequestException or IOException)
        {
            // Too slow, too large or gone: the connection is closed as it is.
        }
    }
}
