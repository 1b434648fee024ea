namespace AspireMicro.Dashboard.Configuration;

/// <summary>
/// The three listeners: the UI (ASPNETCORE_URLS), OTLP/gRPC and OTLP/HTTP. Read before the host is built
/// because Kestrel needs them; the defaults are the standalone ones (18888, 4317, 4318).
/// </summary>
public sealed record DashboardEndpoints(IReadOnlyList<Uri> Frontend, Uri OtlpGrpc, Uri OtlpHttp)
{
    public static DashboardEndpoints From(IConfiguration configuration)
    {
        var frontend = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:18888")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Parse(u, "ASPNETCORE_URLS"))
            .ToList();
        var grpc = configuration["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] ?? configuration["DASHBOARD_OTLP_ENDPOINT_URL"]
            ?? configuration[$"{OtlpOptions.Section}:GrpcEndpointUrl"] ?? "http://localhost:4317";
        var http = configuration["DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] ?? configuration["DASHBOARD_OTLP_HTTP_ENDPOINT_URL"]
            ?? configuration[$"{OtlpOptions.Section}:HttpEndpointUrl"] ?? "http://localhost:4318";
        return new DashboardEndpoints(frontend, Parse(grpc, "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"), Parse(http, "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"));
    }

    public bool IsOtlpGrpcPort(int port) => OtlpGrpc.Port == port;

    public bool IsOtlpHttpPort(int port) => OtlpHttp.Port == port;

    private static Uri Parse(string value, string setting)
    {
        // Kestrel-style wildcards are not valid URI hosts; map them to an address Uri accepts.
        var normalised = value.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException($"{setting} must be an absolute http:// URL (got '{value}'); the dashboard serves cleartext only.");
        }

        return uri;
    }
}
