using System.ComponentModel.DataAnnotations;

namespace AspireMicro.Dashboard.Configuration;

/// <summary>Where the AppHost's resource service lives (DOTNET_RESOURCE_SERVICE_ENDPOINT_URL) and its key.</summary>
public sealed class ResourceServiceClientOptions
{
    public const string Section = "Dashboard:ResourceServiceClient";

    /// <summary>Null in standalone mode: the resources pages then say there is no resource service.</summary>
    [Url]
    public string? Url { get; set; }

    public string? ApiKey { get; set; }
}
