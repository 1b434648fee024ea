using System.ComponentModel.DataAnnotations;

namespace AspireMicro.Dashboard.Configuration;

/// <summary>OTLP receiver settings (section Dashboard:Otlp; endpoint URLs from DOTNET_DASHBOARD_OTLP_*).</summary>
public sealed class OtlpOptions
{
    public const string Section = "Dashboard:Otlp";

    /// <summary>When set, every OTLP request must carry it in x-otlp-api-key.</summary>
    public string? PrimaryApiKey { get; set; }

    [Required]
    [Url]
    public string GrpcEndpointUrl { get; set; } = "http://localhost:4317";

    [Required]
    [Url]
    public string HttpEndpointUrl { get; set; } = "http://localhost:4318";
}
