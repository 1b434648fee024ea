using System.Security.Cryptography;
using System.Text;
using AspireMicro.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace AspireMicro.Dashboard.Otlp;

/// <summary>
/// Keeps the listeners apart (OTLP ports serve only OTLP, the UI port never accepts telemetry) and enforces
/// x-otlp-api-key before any body is read, so rejected requests store nothing.
/// </summary>
public sealed class OtlpRequestGuardMiddleware(RequestDelegate next, DashboardEndpoints endpoints, IOptions<OtlpOptions> options)
{
    public const string ApiKeyHeader = "x-otlp-api-key";

    private const int GrpcUnauthenticated = 16;
    private const int GrpcUnimplemented = 12;

    public async Task InvokeAsync(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        var isGrpcPort = endpoints.IsOtlpGrpcPort(port);
        var isHttpPort = endpoints.IsOtlpHttpPort(port);
        var isOtlpPath = IsOtlpPath(context.Request.Path);

        if (!isGrpcPort && !isHttpPort)
        {
            if (isOtlpPath)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
            return;
        }

        if (!isOtlpPath)
        {
            await Reject(context, isGrpcPort, StatusCodes.Status404NotFound, GrpcUnimplemented, "Not an OTLP endpoint.");
            return;
        }

        if (!HasValidKey(context.Request))
        {
            await Reject(context, isGrpcPort, StatusCodes.Status401Unauthorized, GrpcUnauthenticated, $"Missing or invalid {ApiKeyHeader}.");
            return;
        }

        await next(context);
    }

    private static bool IsOtlpPath(PathString path) =>
        path.Value?.StartsWith("/opentelemetry.proto.collector.", StringComparison.Ordinal) == true || path.StartsWithSegments("/v1", StringComparison.Ordinal);

    private bool HasValidKey(HttpRequest request)
    {
        var expected = options.Value.PrimaryApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        var actual = request.Headers[ApiKeyHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
    }

    private static async Task Reject(HttpContext context, bool grpc, int httpStatus, int grpcStatus, string message)
    {
        if (grpc)
        {
            // gRPC "trailers-only" response: status travels in the headers of an empty HTTP 200 response.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = grpcStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = message;
            return;
        }

        context.Response.StatusCode = httpStatus;
        await context.Response.WriteAsJsonAsync(
            new { title = message, status = httpStatus, errors = new Dictionary<string, string[]> { [ApiKeyHeader] = [message] } },
            options: null,
            contentType: "application/problem+json");
    }
}
