using AspireMicro.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace AspireMicro.Dashboard.ResourceService;

/// <summary>Talks to the AppHost's resource service (docs/contracts.md) with x-resource-service-api-key.</summary>
public sealed class ResourceServiceClient(HttpClient http, IOptions<ResourceServiceClientOptions> options)
{
    public const string ApiKeyHeader = "x-resource-service-api-key";

    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.Url);

    public string? Url => options.Value.Url;

    /// <summary>Starts a request and returns once headers arrive, so SSE bodies can be streamed through.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(options.Value.Url!), relativePath));
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            request.Headers.Add(ApiKeyHeader, options.Value.ApiKey);
        }

        return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }
}
